import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { ClockOverrides, clockOf, clockRules, concernClocks, endsWithin, periodEnd } from "@fidelio/core/rights/clocks";

// Every end date below is counted by hand on a calendar; endsOn is the last day the clock allows.
describe("each clock against hand-computed dates", () => {
  it.each([
    // kind, starts, ends
    ["state_complaint_window", "2026-06-03", "2027-06-03"],
    // A leap day: no February 29 in 2025, so the window ends the day before March.
    ["state_complaint_window", "2024-02-29", "2025-02-28"],
    ["state_complaint_window", "2023-03-01", "2024-03-01"],
    ["state_complaint_window", "2026-12-31", "2027-12-31"],
    // 60 days: Jan 15 + 16 (rest of Jan) = 31 Jan, + 28 (Feb 2027) = 28 Feb (44), + 16 = Mar 16.
    ["state_complaint_decision", "2027-01-15", "2027-03-16"],
    // 2028 is a leap year: Jan 15 + 16 = Jan 31, + 29 = Feb 29 (45), + 15 = Mar 15.
    ["state_complaint_decision", "2028-01-15", "2028-03-15"],
    ["state_complaint_decision", "2026-11-20", "2027-01-19"],
    // 45 days: Dec 7 + 24 = Dec 31, + 21 = Jan 21.
    ["records_request", "2026-12-07", "2027-01-21"],
    // Across a leap February: Feb 1 2028 + 28 = Feb 29, + 17 = Mar 17.
    ["records_request", "2028-02-01", "2028-03-17"],
  ] as const)("%s from %s ends on %s", (kind, startsOn, endsOn) => {
    const clock = clockOf(kind, startsOn);
    expect(clock).toMatchObject({ kind, startsOn, endsOn });
    expect(clock.basis.citation).toBe(clockRules[kind].citation);
  });

  it("cites each federal rule", () => {
    expect(Object.fromEntries(Object.entries(clockRules).map(([kind, rule]) => [kind, rule.citation]))).toEqual({
      state_complaint_window: "34 CFR 300.153(c)",
      state_complaint_decision: "34 CFR 300.152(a)",
      records_request: "34 CFR 300.613(a)",
    });
  });
});

describe("the basis in words", () => {
  it("names the period and the citation in English and Spanish", () => {
    const window = clockOf("state_complaint_window", "2026-06-03");
    expect(window.basis.en).toContain("no more than 1 year before");
    expect(window.basis.en).toContain("(34 CFR 300.153(c))");
    expect(window.basis.es).toContain("no más de 1 año antes");
    const records = clockOf("records_request", "2026-12-07");
    expect(records.basis.en).toContain("within 45 days of the request, and before any IEP meeting or due process hearing");
    expect(records.basis.es).toContain("dentro de 45 días");
    expect(clockOf("state_complaint_decision", "2027-01-15").basis.es).toContain("60 días");
  });
});

describe("a district's own rule", () => {
  const overrides = v.parse(ClockOverrides, {
    records_request: { amount: 30, unit: "days", citation: "State Educ. Code 123" },
    state_complaint_window: { amount: 2, unit: "years", citation: "State Admin. Code 9" },
  });
  it.each([
    ["records_request", "2026-12-07", "2027-01-06", "State Educ. Code 123", "within 30 days"],
    ["state_complaint_window", "2024-02-29", "2026-02-28", "State Admin. Code 9", "no more than 2 years"],
    // Not overridden: the federal rule.
    ["state_complaint_decision", "2027-01-15", "2027-03-16", "34 CFR 300.152(a)", "60 days"],
  ] as const)("%s from %s ends on %s under %s", (kind, startsOn, endsOn, citation, words) => {
    const clock = clockOf(kind, startsOn, overrides);
    expect(clock).toMatchObject({ endsOn, basis: { citation } });
    expect(clock.basis.en).toContain(words);
  });

  it("refuses a period without its rule, or out of range", () => {
    expect(v.safeParse(ClockOverrides, { records_request: { amount: 30, unit: "days", citation: " " } }).success).toBe(false);
    expect(v.safeParse(ClockOverrides, { records_request: { amount: 0, unit: "days", citation: "X" } }).success).toBe(false);
    expect(v.safeParse(ClockOverrides, { records_request: { amount: 3, unit: "weeks", citation: "X" } }).success).toBe(false);
  });
});

describe("a concern's clocks, in the district's zone", () => {
  it.each([
    // Filed at 11:30 PM Pacific on Dec 31 (07:30 UTC on Jan 1): the district's day is Dec 31.
    ["2027-01-01T07:30:00Z", "America/Los_Angeles", "2026-12-31", "2027-12-31"],
    // The same instant in New York is already Jan 1.
    ["2027-01-01T07:30:00Z", "America/New_York", "2027-01-01", "2028-01-01"],
    // Summer time changes nothing about a date: 11 PM PDT on Jun 3 is Jun 3.
    ["2026-06-04T06:00:00Z", "America/Los_Angeles", "2026-06-03", "2027-06-03"],
  ] as const)("filed at %s in %s: the window opens %s and ends %s", (createdAt, zone, startsOn, endsOn) => {
    expect(concernClocks({ createdAt }, zone)).toEqual([expect.objectContaining({ kind: "state_complaint_window", startsOn, endsOn })]);
  });

  it("opens the window on the day the lapse happened, and adds the state's decision once a complaint is filed", () => {
    const clocks = concernClocks({ createdAt: "2026-09-10T17:00:00Z", happenedOn: "2026-06-03", stateComplaintFiledOn: "2027-01-15" }, "America/Los_Angeles");
    expect(clocks.map(({ kind, startsOn, endsOn }) => ({ kind, startsOn, endsOn }))).toEqual([
      { kind: "state_complaint_window", startsOn: "2026-06-03", endsOn: "2027-06-03" },
      { kind: "state_complaint_decision", startsOn: "2027-01-15", endsOn: "2027-03-16" },
    ]);
  });

  it("ignores a lapse date after the filing date", () => {
    expect(concernClocks({ createdAt: "2026-09-10T17:00:00Z", happenedOn: "2026-09-20" }, "America/Los_Angeles")[0]!.startsOn).toBe("2026-09-10");
  });
});

describe("the board's 30 days", () => {
  it.each([
    ["2027-01-06", "2026-12-07", true],
    ["2026-12-07", "2026-12-07", true],
    ["2027-01-07", "2026-12-07", false],
    ["2026-12-06", "2026-12-07", false],
  ] as const)("a clock ending %s, today %s: %s", (endsOn, today, within) => {
    expect(endsWithin({ endsOn }, today, 30)).toBe(within);
  });
});

describe("periodEnd", () => {
  it("counts calendar days across a year end", () => {
    expect(periodEnd("2026-12-31", { amount: 1, unit: "days" })).toBe("2027-01-01");
  });
});
