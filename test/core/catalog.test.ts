import { describe, expect, it } from "vitest";
import { roles, systemReasons } from "@fidelio/core/actor";
import { auditActions } from "@fidelio/core/audit/actions";
import { personReasons } from "@fidelio/core/audit/reasons";
import { eventTypes, levels, noteCodes, outcomes, statuses } from "@fidelio/core/concern/schema";
import { accommodationStatuses, formStatuses, missedReasons } from "@fidelio/core/fidelity/schema";
import { catalog, notesOf, say, sayCoded } from "@fidelio/core/messages";
import { languages } from "@fidelio/core/user/schema";
import { amendmentNotice } from "@fidelio/core/iep/amendment-emails";
import type { DutyChange } from "@fidelio/core/iep/duties";
import { dutyChangeKinds } from "@fidelio/core/iep/duty-kinds";

/**
 * Every code Fidelio stores or sends, from the lists that declare them (the same lists the emitting
 * code is typed by): each must have its words in the catalog, in English and in Spanish.
 */
const emitted: Record<string, readonly string[]> = {
  role: roles,
  action: auditActions,
  reason: [...new Set([...personReasons, ...systemReasons])],
  system: systemReasons,
  level: levels,
  levelName: levels,
  status: [...statuses, ...formStatuses],
  outcome: outcomes,
  event: eventTypes,
  note: noteCodes,
  acc: accommodationStatuses,
  missed: missedReasons,
  why: missedReasons,
  "iep.change": [...dutyChangeKinds, "minutes"],
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalog", () => {
  it("words every code the code can emit, in both languages", () => {
    const missing = Object.entries(emitted).flatMap(([prefix, codes]) =>
      codes.map((code) => `${prefix}.${code}`).filter((key) => !Object.hasOwn(catalog, key)),
    );
    expect(missing).toEqual([]);
    expect(Object.values(emitted).flat().length).toBeGreaterThan(80);
  });

  it("has an English and a Spanish text for every entry, with the same parameters", () => {
    for (const [code, pair] of Object.entries(catalog)) {
      expect(pair, code).toHaveLength(languages.length);
      for (const text of pair) expect(text.trim(), code).not.toBe("");
      expect(placeholders(pair[1]), code).toEqual(placeholders(pair[0]));
    }
  });

  it("names each role the same way wherever it appears in Spanish (one term for the case manager)", () => {
    const spanish = Object.values(catalog)
      .map((pair) => pair[1])
      .join("\n");
    expect(spanish).toContain("administrador de caso");
    expect(spanish).not.toMatch(/coordinador del? caso/i);
  });

  it("words the IEP amendment email from the catalog in each reader's language, every line of it", () => {
    const changes: DutyChange[] = [
      { kind: "accommodation", change: "added", id: "a1", text: "Visual timer" },
      { kind: "accommodation", change: "removed", id: "a2", text: "Preferential seating" },
      { kind: "service", change: "changed", id: "s1", name: "Speech therapy", minutesPerWeek: 90, before: { name: "Speech therapy", minutesPerWeek: 60 } },
    ];
    const notice = { studentName: "Sofia Martinez", version: 3, effectiveFrom: "2026-11-12", changes };
    const english = amendmentNotice({ email: "t@example.test", name: "Maria", language: "en" }, notice);
    const spanish = amendmentNotice({ email: "t@example.test", name: "Maria", language: "es" }, notice);
    expect(spanish.subject).toBe(say("es", "email.iep.subject", { student: "Sofia Martinez" }));
    expect(english.subject).toBe(say("en", "email.iep.subject", { student: "Sofia Martinez" }));
    const lines = spanish.text.split("\n\n");
    expect(lines).toEqual(
      [
        say("es", "email.hello", { name: "Maria" }),
        say("es", "email.iep.intro", { student: "Sofia Martinez", version: 3, from: "12 de noviembre de 2026" }),
        say("es", "iep.change.added", { what: "Visual timer" }),
        say("es", "iep.change.removed", { what: "Preferential seating" }),
        say("es", "iep.change.changed", {
          what: say("es", "iep.change.minutes", { name: "Speech therapy", minutes: 90 }),
          before: say("es", "iep.change.minutes", { name: "Speech therapy", minutes: 60 }),
        }),
        say("es", "email.iep.link", { link: "LINK" }),
      ].map((line, i, all) => (i === all.length - 1 ? lines.at(-1) : line)),
    );
    // The link is absolute (the one configured public URL).
    expect(lines.at(-1)!.replace(/https?:\/\/\S+\/$/, "LINK")).toBe(say("es", "email.iep.link", { link: "LINK" }));
    // No line of the Spanish email is an English one.
    for (const line of english.text.split("\n\n")) expect(lines).not.toContain(line);
  });

  it("fills parameters, and reads notes stored before codes as codes when it knows the sentence", () => {
    expect(say("es", "note.email_undelivered_parent", { name: "Rosa" })).toBe("No se pudo entregar un correo a Rosa (padre, madre o tutor).");
    const legacy = notesOf({ note: "No class was named, so the concern starts with the case manager. Something else happened." });
    expect(legacy).toEqual([{ code: "note.no_class" }, { said: "Something else happened." }]);
    expect(legacy.map((n) => sayCoded("es", n))).toEqual([
      "No se indicó una clase, así que la inquietud empieza con el administrador de caso.",
      "Something else happened.",
    ]);
  });
});
