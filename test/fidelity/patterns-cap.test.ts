import { beforeAll, describe, expect, it } from "vitest";
import { batchPut, keys } from "@fidelio/core/dynamo";
import { addWeeks, weekDays, weeksBetween } from "@fidelio/core/fidelity";
import { patternSubject, type Pattern } from "@fidelio/core/patterns";
import { demoDistrictId } from "@fidelio/local/demo/seed";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { demo, json } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

pinClock(ordinarySchoolDay);

/**
 * The patterns report reads a page of 12 stored patterns, newest week first: with more stored for its
 * window it says so, names the weeks it read in full and gives a cursor to the next page, until the
 * last page, which gives none; a narrower window reads the rest.
 */

// Twelve weeks of an earlier school year, ten patterns each (the same ten subjects every week): 120 stored.
const weeks = weeksBetween("2025-W02", "2025-W13");
let director = "";

beforeAll(async () => {
  await seedDemo();
  director = await signIn(demo("director"));
  const items = weeks.flatMap((week, w) =>
    Array.from({ length: 10 }, (_, n) => {
      const p: Pattern & { studentIds: string[] } = {
        kind: "forms_stopped",
        schoolId: "sch_bench",
        teacherId: `usr_t${n}`,
        teacherName: `Teacher ${n}`,
        count: w + 1,
        since: weeks[0]!,
        evidence: [`frm_${w}_${n}`],
        week,
        studentIds: [],
      };
      return { ...keys.pattern(demoDistrictId, week, patternSubject(p)), type: "pattern", ...p };
    }),
  );
  await batchPut(items);
});

type Report = {
  from: string;
  to: string;
  truncated: boolean;
  completeFrom: string;
  cursor?: string;
  patterns: Array<{ teacherId: string; week: string; count: number }>;
  helpRequests?: { open: number };
};
const report = (from: string, to: string, cursor?: string) =>
  json<Report>(
    call(`/api/reports/patterns?from=${weekDays(from)[0]}&to=${weekDays(to)[4]}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, {
      token: director,
    }),
  );

describe("the patterns report's pages", () => {
  it("reads the newest 12 of 120, says so, and shows each subject as found in its latest week", async () => {
    const { status, body } = await report(weeks[0]!, weeks.at(-1)!);
    expect(status).toBe(200);
    // 12 read, newest first: W13's ten and two of W12's, so W13 is complete.
    expect({ truncated: body.truncated, completeFrom: body.completeFrom }).toEqual({ truncated: true, completeFrom: "2025-W13" });
    expect(body.cursor).toEqual(expect.any(String));
    expect(body.patterns).toHaveLength(10);
    for (const p of body.patterns) expect({ week: p.week, count: p.count }).toEqual({ week: "2025-W13", count: 12 });
  });

  it("walks every stored pattern a page at a time, and the last page (exactly 12) gives no cursor", async () => {
    const first = await report(weeks[0]!, weeks.at(-1)!);
    const pages = [first.body];
    while (pages.at(-1)!.cursor) {
      const next = await report(weeks[0]!, weeks.at(-1)!, pages.at(-1)!.cursor);
      expect(next.status).toBe(200);
      pages.push(next.body);
      expect(pages.length).toBeLessThanOrEqual(10);
    }
    expect(pages).toHaveLength(10);
    // The help-request counts come with the first page only: the pages after it add stored patterns.
    expect(pages[0]!.helpRequests).toEqual(expect.objectContaining({ open: expect.any(Number) }));
    expect(pages.slice(1).every((p) => p.helpRequests === undefined)).toBe(true);
    // Each page starts where the one before stopped: the weeks read in full move back, to the window's start.
    // Page k's last item is the (12k + 12)th newest, in the (12k + 11) / 10 th week back: the weeks after it are complete.
    const lastWeekRead = (k: number) => weeks[weeks.length - 1 - Math.floor((12 * k + 11) / 10)]!;
    expect(pages.map((p) => p.completeFrom)).toEqual(pages.map((_, k) => (k < 9 ? addWeeks(lastWeekRead(k), 1) : weeks[0]!)));
    expect(pages.at(-1)!.truncated).toBe(false);
    // Every week's patterns were on some page: W02's (count 1) on the last.
    expect(new Set(pages.flatMap((p) => p.patterns.map((x) => x.week)))).toEqual(new Set(weeks));
    expect(pages.at(-1)!.patterns.every((p) => p.week <= "2025-W03")).toBe(true);
  });

  it("refuses another window's cursor, and a damaged one, changing nothing", async () => {
    const { body } = await report(weeks[0]!, weeks.at(-1)!);
    const other = await json<{ error: string }>(
      call(`/api/reports/patterns?from=${weekDays(weeks[1]!)[0]}&to=${weekDays(weeks.at(-1)!)[4]}&cursor=${body.cursor}`, { token: director }),
    );
    expect({ status: other.status, code: other.body.error }).toEqual({ status: 400, code: "invalid_cursor" });
    const damaged = await json<{ error: string }>(call(`/api/reports/patterns?cursor=${body.cursor!.slice(0, -2)}AA`, { token: director }));
    expect({ status: damaged.status, code: damaged.body.error }).toEqual({ status: 400, code: "invalid_cursor" });
  });

  it("reads a window of 12 or fewer in full", async () => {
    const { body } = await report("2025-W13", "2025-W13");
    expect({ truncated: body.truncated, completeFrom: body.completeFrom, from: body.from, cursor: body.cursor }).toEqual({
      truncated: false,
      completeFrom: "2025-W13",
      from: "2025-W13",
      cursor: undefined,
    });
    const earlier = await report(weeks[0]!, weeks[0]!);
    expect(earlier.body.patterns).toHaveLength(10);
    expect(earlier.body.truncated).toBe(false);
    for (const p of earlier.body.patterns) expect(p.week).toBe("2025-W02");
  });
});
