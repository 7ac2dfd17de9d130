import { describe, expect, it } from "vitest";
import type { DistrictInfo } from "@fidelio/core/district";
import { keys, queryAll, transact } from "@fidelio/core/dynamo";
import { newForm, weekDays, type FidelityForm } from "@fidelio/core/fidelity";
import type { IepVersion } from "@fidelio/core/iep";
import { weeklyPatterns } from "@fidelio/core/patterns";
import { formCountOps, refreshMissPatterns } from "@fidelio/core/patterns/counts";
import type { StudentRecord } from "@fidelio/core/student";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file: the weeks below are fixed, and all have ended by then.
pinClock(ordinarySchoolDay);

/**
 * Pattern detection on seeded counts, against DynamoDB Local: forms written with the same count
 * updates their submission's transaction makes, then the same detection the writes and the weekly job run.
 */
const district = {
  id: "dis_pat",
  name: "Patterns",
  version: 1,
  updatedAt: "",
  calendar: { firstDay: "2026-08-19", lastDay: "2027-06-04", closures: [] },
  deadlines: { teacher: 3, case_manager: 5, director: 10 },
  fidelityGraceDays: 2,
} satisfies DistrictInfo;

const iep = (studentId: string, minutes: number): IepVersion => ({
  studentId,
  version: 1,
  effectiveFrom: "2026-09-01",
  accommodations: [
    { id: `${studentId}-rd`, text: "Read-aloud of test questions" },
    { id: `${studentId}-et`, text: "Extended time" },
  ],
  modifications: [],
  services: minutes ? [{ id: "svc-speech", name: "Speech", minutesPerWeek: minutes, providerId: "usr_slp", providerRole: "Speech-language pathologist" }] : [],
  goals: [],
  createdAt: "",
  createdBy: "",
});

/** A student of school `school` in `classId`, taught by `teacherId`; with `minutes`, served by usr_slp. */
const student = (id: string, school: string, teacherId: string, classId: string, minutes = 0): StudentRecord => {
  const summary = { id, name: id, grade: "3", schoolName: school };
  return {
    student: { id, districtId: district.id, schoolId: school, schoolName: school, firstName: id, lastName: "S", grade: "3" },
    relationships: [
      {
        studentId: id,
        userId: teacherId,
        userName: `Teacher ${teacherId}`,
        kind: "teacher",
        classes: [{ id: classId, title: `Class ${classId}` }],
        student: summary,
      },
      ...(minutes ? [{ studentId: id, userId: "usr_slp", userName: "Speech Provider", kind: "teacher" as const, student: summary }] : []),
    ],
    ieps: [iep(id, minutes)],
    acknowledgments: [],
  };
};

async function submit(record: StudentRecord, staffId: string, week: string, patch: Partial<FidelityForm> = {}, missed?: string) {
  const form = newForm(record, staffId, week)!;
  const next: FidelityForm = {
    ...form,
    status: "submitted",
    version: 2,
    accommodations: form.plan.accommodations.map((a) =>
      a.text === missed ? { itemId: a.id, status: "not_provided" as const, reason: "time_or_staff" as const } : { itemId: a.id, status: "provided" as const },
    ),
    ...patch,
  };
  await transact(formCountOps(next, undefined, record, district));
  return next;
}

const stored = (kind: string) =>
  queryAll<{
    kind: string;
    schoolId: string;
    teacherId?: string;
    itemText?: string;
    count: number;
    since: string;
    evidence: string[];
    week: string;
    percent?: number;
  }>(keys.patternsOf(district.id, "2026-W40", "2026-W52")).then((all) => all.filter((p) => p.kind === kind));

describe("support missed across a school", () => {
  it("fires for one support missed in three classes over two weeks, not in two classes", async () => {
    const a = student("stu_a", "sch_1", "usr_t1", "cls_1");
    const b = student("stu_b", "sch_1", "usr_t2", "cls_2");
    const c = student("stu_c", "sch_1", "usr_t3", "cls_3");
    // A miss in another school does not count toward this one.
    const d = student("stu_d", "sch_2", "usr_t4", "cls_4");
    await submit(a, "usr_t1", "2026-W46", {}, "Read-aloud of test questions");
    await submit(b, "usr_t2", "2026-W47", {}, "Read-aloud of test questions");
    await submit(d, "usr_t4", "2026-W47", {}, "Read-aloud of test questions");
    await refreshMissPatterns(district.id, "sch_1", "2026-W47", "2026-W50");
    await refreshMissPatterns(district.id, "sch_2", "2026-W47", "2026-W50");
    expect(await stored("support_missed_across_school")).toEqual([]);
    const last = await submit(c, "usr_t3", "2026-W47", {}, "Read-aloud of test questions");
    await refreshMissPatterns(district.id, "sch_1", "2026-W47", "2026-W50");
    const found = await stored("support_missed_across_school");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ schoolId: "sch_1", itemText: "Read-aloud of test questions", count: 3, since: "2026-W46", week: "2026-W47" });
    expect(found[0]!.evidence).toContain(last.id);
    // Two classes in one week, a third three weeks earlier: outside the two weeks.
    const e = student("stu_e", "sch_3", "usr_t5", "cls_5");
    const f = student("stu_f", "sch_3", "usr_t6", "cls_6");
    const g = student("stu_g", "sch_3", "usr_t7", "cls_7");
    await submit(e, "usr_t5", "2026-W44", {}, "Extended time");
    await submit(f, "usr_t6", "2026-W47", {}, "Extended time");
    await submit(g, "usr_t7", "2026-W47", {}, "Extended time");
    await refreshMissPatterns(district.id, "sch_3", "2026-W44", "2026-W50");
    await refreshMissPatterns(district.id, "sch_3", "2026-W47", "2026-W50");
    expect((await stored("support_missed_across_school")).filter((p) => p.schoolId === "sch_3")).toEqual([]);
  });
});

describe("weekly patterns", () => {
  const week = "2026-W49";

  it("finds a provider under 80% of required minutes over four weeks and a teacher owed forms two weeks without submitting; not their near misses", async () => {
    // usr_slp: 100 minutes a week required for each of two students, 70 and 75 delivered: 72.5%.
    const s1 = student("stu_s1", "sch_9", "usr_t9", "cls_9", 100);
    const s2 = student("stu_s2", "sch_9", "usr_t9", "cls_9", 100);
    // usr_ok: 85 of 100 delivered, above the line.
    const s3: StudentRecord = JSON.parse(JSON.stringify(student("stu_s3", "sch_9", "usr_t10", "cls_10", 100)).replaceAll("usr_slp", "usr_ok"));
    for (const w of ["2026-W46", "2026-W47", "2026-W48", week]) {
      const at = (m: number) =>
        weekDays(w)
          .slice(0, 2)
          .map((date) => ({ date, minutes: m / 2 }));
      await submit(s1, "usr_slp", w, { services: [{ serviceId: "svc-speech", sessions: at(70) }] });
      await submit(s2, "usr_slp", w, { services: [{ serviceId: "svc-speech", sessions: at(76) }] });
      await submit(s3, "usr_ok", w, { services: [{ serviceId: "svc-speech", sessions: at(86) }] });
      // usr_t9 submits until W47; usr_t10 misses only the last week.
      if (w <= "2026-W47") await submit(s1, "usr_t9", w);
      if (w <= "2026-W48") await submit(s3, "usr_t10", w);
    }
    const result = await weeklyPatterns(district, week, [s1, s2, s3]);
    expect(result.digests).toBe(0);
    const under = await stored("service_underdelivered");
    expect(under.map((p) => p.teacherId)).toEqual(["usr_slp"]);
    expect(under[0]).toMatchObject({ percent: 73, count: 4 * 200 - 4 * 146, since: "2026-W46", week });
    const stopped = await stored("forms_stopped");
    expect(stopped.map((p) => p.teacherId)).toEqual(["usr_t9"]);
    expect(stopped[0]).toMatchObject({ count: 2, since: "2026-W48", schoolId: "sch_9" });
    // A second run finds the same, once.
    await weeklyPatterns(district, week, [s1, s2, s3]);
    expect(await stored("forms_stopped")).toHaveLength(1);
  });
});
