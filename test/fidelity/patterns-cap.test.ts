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
 * The patterns report reads at most 25 stored patterns, newest week first: with more stored for its
 * window it says so and names the weeks it read in full; a narrower window reads the rest.
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

type Report = { from: string; to: string; truncated: boolean; completeFrom: string; patterns: Array<{ teacherId: string; week: string; count: number }> };
const report = (from: string, to: string) => json<Report>(call(`/api/reports/patterns?from=${weekDays(from)[0]}&to=${weekDays(to)[4]}`, { token: director }));

describe("the patterns report's read cap", () => {
  it("reads the newest 25 of 120, says so, and shows each subject as found in its latest week", async () => {
    const { status, body } = await report(weeks[0]!, weeks.at(-1)!);
    expect(status).toBe(200);
    // 25 read, newest first: weeks W13 and W12, and five of W11's ten, so W12 on is complete.
    expect({ truncated: body.truncated, completeFrom: body.completeFrom }).toEqual({ truncated: true, completeFrom: addWeeks("2025-W11", 1) });
    expect(body.patterns).toHaveLength(10);
    for (const p of body.patterns) expect({ week: p.week, count: p.count }).toEqual({ week: "2025-W13", count: 12 });
  });

  it("reads a window of 25 or fewer in full", async () => {
    const { body } = await report("2025-W12", "2025-W13");
    expect({ truncated: body.truncated, completeFrom: body.completeFrom, from: body.from }).toEqual({
      truncated: false,
      completeFrom: "2025-W12",
      from: "2025-W12",
    });
    const earlier = await report(weeks[0]!, "2025-W03");
    expect(earlier.body.patterns).toHaveLength(10);
    expect(earlier.body.truncated).toBe(false);
    for (const p of earlier.body.patterns) expect(p.week).toBe("2025-W03");
  });
});
