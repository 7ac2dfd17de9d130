import { describe, expect, it } from "vitest";
import { roles, systemReasons } from "@fidelio/core/actor";
import { auditActions } from "@fidelio/core/audit/actions";
import { personReasons } from "@fidelio/core/audit/reasons";
import { eventTypes, levels, noteCodes, outcomes, statuses } from "@fidelio/core/concern/schema";
import { accommodationStatuses, formStatuses, missedReasons } from "@fidelio/core/fidelity/schema";
import { catalog, notesOf, say, sayCoded } from "@fidelio/core/messages";
import { languages } from "@fidelio/core/user/schema";

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
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalog", () => {
  it("words every code the code can emit, in both languages", () => {
    const missing = Object.entries(emitted).flatMap(([prefix, codes]) => codes.map((code) => `${prefix}.${code}`).filter((key) => !Object.hasOwn(catalog, key)));
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
    const spanish = Object.values(catalog).map((pair) => pair[1]).join("\n");
    expect(spanish).toContain("administrador de caso");
    expect(spanish).not.toMatch(/coordinador del? caso/i);
  });

  it("fills parameters, and reads notes stored before codes as codes when it knows the sentence", () => {
    expect(say("es", "note.email_undelivered_parent", { name: "Rosa" })).toBe("No se pudo entregar un correo a Rosa (padre, madre o tutor).");
    const legacy = notesOf({ note: "No class was named, so the concern starts with the case manager. Something else happened." });
    expect(legacy).toEqual([{ code: "note.no_class" }, { said: "Something else happened." }]);
    expect(legacy.map((n) => sayCoded("es", n))).toEqual(["No se indicó una clase, así que la inquietud empieza con el administrador de caso.", "Something else happened."]);
  });
});
