import { describe, expect, it } from "vitest";
import { accommodationCounts, helpedCounts, type AccommodationAnswerCell, type WeekState } from "@fidelio/core/fidelity";

/** "Did it help" is counted over exactly the reports `accommodationCounts` calls "provided in full". */
const cells: Array<{ week: string; state: WeekState; answers: AccommodationAnswerCell[] }> = [
  {
    week: "2026-W45",
    state: "ended",
    answers: [
      { staffId: "a", status: "provided", helped: "yes" },
      { staffId: "b", status: "provided" },
    ],
  },
  {
    week: "2026-W46",
    state: "ended",
    answers: [
      { staffId: "a", status: "provided", helped: "not_sure" },
      { staffId: "b", status: "partly" },
    ],
  },
  {
    week: "2026-W47",
    state: "ended",
    answers: [
      { staffId: "a", status: "provided", helped: "no" },
      { staffId: "b", status: null },
    ],
  },
  {
    week: "2026-W48",
    state: "ended",
    answers: [
      { staffId: "a", status: "provided", helped: "somewhat" },
      { staffId: "b", status: "not_applicable" },
    ],
  },
  // The week in progress is shown apart, never counted.
  { week: "2026-W49", state: "in_progress", answers: [{ staffId: "a", status: "provided", helped: "yes" }] },
];

describe("helpedCounts", () => {
  it("counts each answer once, over the ended weeks' provided reports", () => {
    expect(helpedCounts(cells)).toEqual({ yes: 1, somewhat: 1, no: 1, not_sure: 1, provided: 5, unanswered: 1 });
  });

  it("has the same base as the delivery rate", () => {
    const rate = accommodationCounts("acc", "Extended time", cells);
    const helped = helpedCounts(cells);
    expect(helped.provided).toBe(rate.provided);
    expect(helped.yes + helped.somewhat + helped.no + helped.not_sure + helped.unanswered).toBe(rate.provided);
    expect(rate).toMatchObject({ provided: 5, answered: 6, percentOfReports: 83 });
  });

  it("is all zero with no weeks", () => {
    expect(helpedCounts([])).toEqual({ yes: 0, somewhat: 0, no: 0, not_sure: 0, provided: 0, unanswered: 0 });
  });
});
