import { describe, expect, test } from "vitest";
import { describeEvent } from "@fidelio/core/concern/describe";
import { describeEventWith, type DescribeCode } from "@fidelio/core/concern/describe-words";
import { eventTexts, levelTexts } from "@fidelio/core/messages/catalog-concern";
import { eventTypes } from "@fidelio/core/concern/schema";
import { levels } from "@fidelio/core/concern/lifecycle";

/**
 * The concern page words its timeline with the words it loaded in the reader's language (one side of
 * each catalog pair, as web/strings-by-language.ts splits them); emails and the packet word it from the
 * catalog. Both go through one rule (describeEventWith) and must say the same.
 */
const oneSide = (lang: "en" | "es") => {
  const words = new Map(Object.entries({ ...levelTexts, ...eventTexts }).map(([code, pair]) => [code, pair[lang === "es" ? 1 : 0]]));
  return (code: DescribeCode, params: Record<string, string | number> = {}) =>
    words.get(code)!.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
};

describe("a timeline event's description", () => {
  test("reads the same on the page (words loaded by language) as in emails and the packet (the catalog)", () => {
    const due = (iso: string) => `due ${iso}`;
    const events = [
      ...eventTypes.map((type) => ({ type })),
      ...levels.flatMap((level) => [
        { type: "assigned" as const, level, assignee: { name: "Maria Alvarez" }, dueAt: "2026-12-09T01:00:00Z" },
        { type: "assigned" as const, level, assignee: { name: "Maria Alvarez" } },
        { type: "assigned" as const, level },
      ]),
      { type: "state_complaint_recorded" as const, filedOn: "2026-12-01" },
    ];
    for (const lang of ["en", "es"] as const)
      for (const event of events) {
        const shown = describeEventWith(oneSide(lang), lang, event, due);
        expect(shown, `${lang} ${JSON.stringify(event)}`).toBe(describeEvent(lang, event, due));
        expect(shown).not.toMatch(/\{\w+\}|undefined/);
      }
    expect(describeEventWith(oneSide("es"), "es", events.at(-4)!, due)).toContain("Maria Alvarez");
  });
});
