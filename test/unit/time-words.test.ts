import { describe, expect, it } from "vitest";
import { deadlineInstant, formatInstant, fullInstant, zoneName } from "@fidelio/core/words/time";

/** Times name their zone in words, the same in English and Spanish all year: never "GMT-8", never "PST". */
describe("the zone named with a time", () => {
  const winter = "2026-12-09T18:00:00Z";
  const summer = "2026-06-10T18:00:00Z";

  it("is the zone's name in the reader's words, in both languages and in every locale the app writes in", () => {
    for (const at of [winter, summer]) {
      for (const locale of ["es", "es-US"]) {
        const text = formatInstant(locale, at, "America/Los_Angeles", deadlineInstant);
        expect(text, locale).toMatch(/ hora del Pacífico$/);
        expect(text, locale).not.toMatch(/GMT|UTC|PST|PDT/);
      }
      expect(formatInstant("en-US", at, "America/Los_Angeles")).toMatch(/ Pacific Time$/);
    }
    expect(formatInstant("es-US", winter, "America/Chicago", fullInstant)).toMatch(/^miércoles, 9 de diciembre de 2026, 12:00 p\.\s?m\. hora central$/);
  });

  it("alone, names the district's zone the same way", () => {
    expect(zoneName("en-US", "America/New_York")).toBe("Eastern Time");
    expect(zoneName("es-US", "America/Los_Angeles")).toBe("hora del Pacífico");
    expect(zoneName("es", "America/Denver", summer)).toBe(zoneName("es", "America/Denver", winter));
  });
});
