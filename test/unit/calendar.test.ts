import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { addSchoolDays, isSchoolDay, levelDeadline, scaledWaitMs, schoolDaysBetween, secondsUntil } from "@fidelio/core/calendar";
import { DistrictSettings } from "@fidelio/core/district/schema";

// 2026-27: Veterans Day (Wed Nov 11), Thanksgiving (Wed-Fri Nov 25-27), winter break (Dec 21 - Jan 1).
const calendar = {
  firstDay: "2026-08-19",
  lastDay: "2027-06-10",
  closures: [
    { from: "2026-11-11", to: "2026-11-11", name: "Veterans Day" },
    { from: "2026-11-25", to: "2026-11-27", name: "Thanksgiving" },
    { from: "2026-12-21", to: "2027-01-01", name: "Winter break" },
  ],
};
const district = { calendar, timeZone: "America/Los_Angeles" };
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe("school days", () => {
  it("skips a weekend and a district holiday inside the window", () => {
    // Filed Tue Nov 10 at 10:00 PST: Wed is Veterans Day, so Thu, Fri, Mon -> end of Mon Nov 16, PST (UTC-8).
    expect(iso(addSchoolDays(district, at("2026-11-10T18:00:00Z"), 3))).toBe("2026-11-17T07:59:59.000Z");
    expect(isSchoolDay(district, "2026-11-11")).toBe(false);
    expect(isSchoolDay(district, "2026-11-14")).toBe(false);
    expect(isSchoolDay(district, "2026-11-12")).toBe(true);
  });

  it("counts weekdays in summer, so a concern filed outside the school year still moves", () => {
    // Fri Jul 3 2026 (no closures outside the year): Mon, Tue, Wed -> end of Wed Jul 8, PDT (UTC-7).
    expect(iso(addSchoolDays(district, at("2026-07-03T16:00:00Z"), 3))).toBe("2026-07-09T06:59:59.000Z");
  });

  it("skips a closure range across the new year", () => {
    // Fri Dec 18: winter break, then the weekend of Jan 2-3 -> Mon 4, Tue 5, Wed 6 Jan 2027.
    expect(iso(addSchoolDays(district, at("2026-12-18T20:00:00Z"), 3))).toBe("2027-01-07T07:59:59.000Z");
  });

  it("ends the deadline at the end of the local school day across DST changes", () => {
    // Spring forward on Sun Mar 14 2027: filed Fri Mar 12 in PST, due Wed Mar 17 in PDT.
    expect(iso(addSchoolDays(district, at("2027-03-12T20:00:00Z"), 3))).toBe("2027-03-18T06:59:59.000Z");
    // Fall back on Sun Nov 1 2026: filed Fri Oct 30 in PDT, due Mon Nov 2 in PST.
    expect(iso(addSchoolDays(district, at("2026-10-30T20:00:00Z"), 1))).toBe("2026-11-03T07:59:59.000Z");
  });

  it("counts from the district's local date, not the UTC date", () => {
    // 07:30 UTC on Tue Nov 10 is still Mon Nov 9 in Los Angeles: one school day later is Tue Nov 10.
    expect(iso(addSchoolDays(district, at("2026-11-10T07:30:00Z"), 1))).toBe("2026-11-11T07:59:59.000Z");
    // In New York it is already Tue Nov 10: Wed is Veterans Day, so Thu Nov 12, EST (UTC-5).
    expect(iso(addSchoolDays({ ...district, timeZone: "America/New_York" }, at("2026-11-10T07:30:00Z"), 1))).toBe("2026-11-13T04:59:59.000Z");
  });

  it("falls back to the default zone for districts saved without one", () => {
    expect(addSchoolDays({ calendar }, at("2026-11-10T18:00:00Z"), 3)).toEqual(addSchoolDays(district, at("2026-11-10T18:00:00Z"), 3));
  });

  it("pauses and resumes a clock with the school days left", () => {
    const deadline = addSchoolDays(district, at("2026-11-10T18:00:00Z"), 3); // end of Mon Nov 16
    const left = schoolDaysBetween(district, at("2026-11-12T22:00:00Z"), deadline); // paused Thu: Fri, Mon left
    expect(left).toBe(2);
    // Resumed Mon Nov 23: Tue 24, then Thanksgiving and the weekend, then Mon Nov 30.
    expect(iso(addSchoolDays(district, at("2026-11-23T17:00:00Z"), left))).toBe("2026-12-01T07:59:59.000Z");
    expect(schoolDaysBetween(district, deadline, at("2026-11-12T22:00:00Z"))).toBe(0);
  });

  it("uses the district's days per level and refuses a negative count", () => {
    const settings = { ...district, deadlines: { teacher: 3, case_manager: 5, director: 10 } };
    expect(iso(levelDeadline(settings, "case_manager", at("2026-11-10T18:00:00Z")))).toBe("2026-11-19T07:59:59.000Z"); // Thu, Fri, Mon, Tue, Wed Nov 18
    expect(() => addSchoolDays(district, at("2026-11-10T18:00:00Z"), -1)).toThrow(RangeError);
  });

  it("gives Step Functions whole seconds and the local runner scaled milliseconds", () => {
    expect(secondsUntil(at("2026-11-10T18:00:10.200Z"), at("2026-11-10T18:00:00Z"))).toBe(11);
    expect(secondsUntil(at("2026-11-10T17:00:00Z"), at("2026-11-10T18:00:00Z"))).toBe(1);
    expect(scaledWaitMs(86_400, 86_400)).toBe(1000);
    expect(scaledWaitMs(3 * 86_400, 1)).toBe(3 * 86_400_000);
    expect(() => scaledWaitMs(10, 0)).toThrow(RangeError);
  });
});

describe("district time zone", () => {
  const settings = { calendar, deadlines: { teacher: 3, case_manager: 5, director: 10 }, fidelityGraceDays: 2 };

  it("keeps settings saved without a time zone valid", () => {
    expect(v.safeParse(DistrictSettings, settings).success).toBe(true);
    expect(v.parse(DistrictSettings, { ...settings, timeZone: "America/Chicago" }).timeZone).toBe("America/Chicago");
  });

  it("accepts a zone ICU knows by another name, as a formatter does", () => {
    // Not in Intl.supportedValuesOf's canonical list, but a name Intl.DateTimeFormat takes.
    for (const zone of ["US/Central", "america/chicago"]) {
      expect(Intl.supportedValuesOf("timeZone")).not.toContain(zone);
      expect(v.parse(DistrictSettings, { ...settings, timeZone: zone }).timeZone).toBe(zone);
    }
  });

  it("refuses a zone that is not one", () => {
    const result = v.safeParse(DistrictSettings, { ...settings, timeZone: "Mars/Olympus" });
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe("A time zone such as America/Chicago");
  });
});
