import { describe, expect, it } from "vitest";
import { durationParts, pluralText } from "@fidelio/core/words/plural";
import { medianDays, medianHours } from "@fidelio/core/concern/board";

const students = {
  one: ["{count} matching student", "{count} estudiante coincide"],
  other: ["{count} matching students", "{count} estudiantes coinciden"],
} as const;
const forms = {
  one: ["{count} form still open", "{count} formulario sigue abierto"],
  other: ["{count} forms still open", "{count} formularios siguen abiertos"],
} as const;

describe("counted phrases (Intl.PluralRules)", () => {
  it("say one and many in English and Spanish", () => {
    expect(pluralText("en", students, 1)).toBe("1 matching student");
    expect(pluralText("en", students, 0)).toBe("0 matching students");
    expect(pluralText("en", students, 2)).toBe("2 matching students");
    expect(pluralText("es", students, 1)).toBe("1 estudiante coincide");
    expect(pluralText("es", students, 3)).toBe("3 estudiantes coinciden");
    expect(pluralText("en", forms, 1)).toBe("1 form still open");
    expect(pluralText("es", forms, 1)).toBe("1 formulario sigue abierto");
  });

  it("write a whole count below 1,000 as Intl does, in the form Intl's plural rules pick, without asking Intl", () => {
    for (const lang of ["en", "es"] as const) {
      const rules = new Intl.PluralRules(lang);
      const digits = new Intl.NumberFormat(lang);
      for (let count = 0; count < 1000; count++) {
        const form = rules.select(count) === "one" ? students.one : students.other;
        expect(pluralText(lang, students, count)).toBe(form[lang === "es" ? 1 : 0].replace("{count}", digits.format(count)));
      }
    }
    // Past the plain-digit range, and for fractions, Intl decides: separators, and "1.0" is not "one" in English.
    expect(pluralText("en", students, 1000)).toBe("1,000 matching students");
    expect(pluralText("es", students, 10_000)).toBe("10.000 estudiantes coinciden");
    expect(pluralText("en", students, 1.5)).toBe("1.5 matching students");
    expect(pluralText("es", students, 1.5)).toBe("1,5 estudiantes coinciden");
  });

  it("fall back to 'other' for a form without its own text (Spanish 'many') and write numbers as the language does", () => {
    expect(new Intl.PluralRules("es").select(1_000_000)).toBe("many");
    expect(pluralText("es", forms, 1_000_000)).toBe("1.000.000 formularios siguen abiertos");
    expect(pluralText("en", forms, 1234)).toBe("1,234 forms still open");
  });

  it("fill other values", () => {
    expect(pluralText("en", { one: ["{title}: {count} student", ""], other: ["{title}: {count} students", ""] }, 1, { title: "Math 7" })).toBe(
      "Math 7: 1 student",
    );
  });
});

describe("durations and the median time to resolution", () => {
  it("show hours under a day and days after", () => {
    expect(durationParts(0.4)).toEqual({ unit: "underHour" });
    expect(durationParts(1)).toEqual({ unit: "hour", n: 1 });
    expect(durationParts(5.4)).toEqual({ unit: "hour", n: 5 });
    expect(durationParts(23.9)).toEqual({ unit: "hour", n: 23 });
    expect(durationParts(24)).toEqual({ unit: "day", n: 1 });
    expect(durationParts(60)).toEqual({ unit: "day", n: 2.5 });
  });

  it("take the median from whole-hour buckets, so a same-day resolution is hours, not 0 days", () => {
    // Three resolutions: 2, 3 and 30 hours (tenths of a day 1, 1, 13).
    const days = new Map([
      [1, 2],
      [13, 1],
    ]);
    const hours = new Map([
      [2, 1],
      [3, 1],
      [30, 1],
    ]);
    expect(medianDays(days)).toBe(0.1);
    expect(medianHours(days, hours)).toBe(3);
    // Two resolutions: the mean of the middle two.
    expect(
      medianHours(
        new Map([[0, 2]]),
        new Map([
          [1, 1],
          [4, 1],
        ]),
      ),
    ).toBe(2.5);
    // Days recorded before hours were kept: the tenths, in hours.
    expect(medianHours(new Map([[25, 1]]), new Map())).toBe(60);
    expect(medianHours(new Map(), new Map())).toBeNull();
  });
});
