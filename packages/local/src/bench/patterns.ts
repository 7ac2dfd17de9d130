import { createHash } from "node:crypto";
import type { UserActor } from "@fidelio/core/actor";
import { District } from "@fidelio/core/district";
import { batchGet, batchPut, keys, queryAll, type Item } from "@fidelio/core/dynamo";
import { addWeeks, currentWeekOf, weeksBetween } from "@fidelio/core/fidelity";
import { Patterns, patternItemType, patternSubject, type Pattern } from "@fidelio/core/patterns";
import { studentItemType } from "@fidelio/core/student";
import { demoDistrictId, demoSettings } from "../demo/seed";
import { performance } from "node:perf_hooks";
import type { Figures } from "./raw-dynamo";

/** Two school years of weeks, the range the districts' stored patterns cover. */
const WEEKS = 104;
const STUDENTS_PER_SCHOOL = 250;
const CLASS_SIZE = 25;
/** At least one pattern a week for every this many students, whatever the demo district's own rate. */
const STUDENTS_PER_WEEKLY_PATTERN = 50;
const supports = ["Extended time on tests", "Read-aloud of directions", "Preferential seating", "Graphic organizer", "Breaks on request", "Calculator"];

// Fixed pseudo-randomness: the same districts on every run.
const roll = (...parts: Array<string | number>) => createHash("sha256").update(parts.join("|")).digest().readUInt32BE(0) / 2 ** 32;
const pick = <T>(list: readonly T[], ...parts: Array<string | number>) => list[Math.floor(roll(...parts) * list.length)]!;

/** What the pattern jobs stored for one pattern of the demo district: the shape each bench pattern copies. */
export interface PatternShape {
  kind: Pattern["kind"];
  students: number;
  evidence: number;
}

/** Distinct members of `pool`, `size` of them at most, drawn by `parts`. */
const draw = (pool: string[], size: number, ...parts: Array<string | number>) => {
  const start = Math.floor(roll(...parts) * pool.length);
  return Array.from({ length: Math.min(size, pool.length) }, (_, i) => pool[(start + i * 7) % pool.length]!).filter((x, i, all) => all.indexOf(x) === i);
};

/**
 * A district of `students` students with two school years of stored patterns at `perStudentWeek`
 * patterns per student and week (the demo district's rate): its district and school items and its
 * pattern items, shaped as the pattern jobs store them: one per subject and week; each copies the kind,
 * the number of students and of evidence of one of the demo district's stored patterns (`shapes`); its
 * subject is one of its school's classes (25 students each, one teacher each) or teachers, and its
 * students are that class's (or, school-wide, the school's).
 */
async function benchDistrict(name: string, students: number, perStudentWeek: number, shapes: PatternShape[]) {
  const districtId = `dst_bench_${name}`;
  await District.create({ id: districtId, name: `Bench ${name}`, ...demoSettings });
  const district = (await District.load(districtId))!;
  const schools = Array.from({ length: Math.max(1, Math.ceil(students / STUDENTS_PER_SCHOOL)) }, (_, i) => `sch_bench_${name}_${i}`);
  const items: Item[] = schools.map((id, i) => ({ ...keys.school(districtId, id), type: "school", id, name: `School ${i + 1}` }));
  const studentsOf = (school: number) =>
    Array.from(
      { length: Math.min(STUDENTS_PER_SCHOOL, students - school * STUDENTS_PER_SCHOOL) },
      (_, k) => `stu_bench_${name}_${school * STUDENTS_PER_SCHOOL + k}`,
    );
  const weekly = Math.max(students / STUDENTS_PER_WEEKLY_PATTERN, students * perStudentWeek);
  const thisWeek = currentWeekOf(district);
  for (const week of weeksBetween(addWeeks(thisWeek, -(WEEKS - 1)), thisWeek)) {
    const count = Math.floor(weekly) + (roll(name, week) < weekly % 1 ? 1 : 0);
    for (let n = 0; n < count; n++) {
      const shape = pick(shapes, name, week, n, "shape");
      const { kind } = shape;
      const school = Math.floor(roll(name, week, n, "school") * schools.length);
      const pool = studentsOf(school);
      const classes = Math.ceil(pool.length / CLASS_SIZE);
      const c = Math.floor(roll(name, week, n, "class") * classes);
      const ofClass = pool.slice(c * CLASS_SIZE, (c + 1) * CLASS_SIZE);
      const subject =
        kind === "repeat_concerns" && roll(name, week, n, "about") < 0.5
          ? "teacher"
          : kind.startsWith("support_missed_across_school") || kind === "help_requests_open"
            ? "school"
            : kind === "support_missed_across_class" || kind === "repeat_concerns"
              ? "class"
              : "teacher";
      const studentIds = draw(subject === "school" ? pool : ofClass, shape.students, name, week, n, "students");
      const pattern: Pattern & { studentIds: string[] } = {
        kind,
        schoolId: schools[school]!,
        ...(kind.startsWith("support_missed") && { itemText: pick(supports, name, week, n, "item") }),
        ...(subject === "class" && { classId: `cls_${name}_${school}_${c}`, className: `Class ${c + 1}` }),
        ...(subject === "teacher" && { teacherId: `usr_${name}_${school}_${c}`, teacherName: `Teacher ${c + 1}` }),
        ...(kind === "service_underdelivered" && { percent: 60 }),
        count: Math.max(1, studentIds.length),
        since: week,
        evidence: Array.from({ length: shape.evidence }, (_, i) => `frm_bench_${name}_${week}_${n}_${i}`),
        week,
        studentIds,
      };
      items.push({ ...keys.pattern(districtId, week, patternSubject(pattern)), type: "pattern", ...pattern });
    }
  }
  // One pattern per subject and week, as the jobs store them: a subject drawn twice in a week is one item.
  const unique = [...new Map(items.map((i) => [`${i.pk}|${i.sk}`, i])).values()];
  await batchPut(unique);
  const director: UserActor = {
    kind: "user",
    userId: `usr_bench_director_${name}`,
    email: `director@${name}.bench.test`,
    name: "Bench director",
    districtId,
    roles: ["director"],
  };
  return { director, stored: unique.length - schools.length, schools: schools.length };
}

/** Calls each of `calls` in turn, one at a time, for `seconds` in all, and times each one's calls. */
async function measureAlternating(calls: Array<() => Promise<unknown>>, seconds: number): Promise<Figures[]> {
  const latencies = calls.map(() => [] as number[]);
  const spent = calls.map(() => 0);
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (const [i, call] of calls.entries()) {
      const start = performance.now();
      await call();
      const ms = performance.now() - start;
      latencies[i]!.push(ms);
      spent[i]! += ms;
    }
  }
  return latencies.map((list, i) => {
    const sorted = list.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
    return { requestsPerSecond: (list.length * 1000) / spent[i]!, p50: at(50), p99: at(99), count: list.length };
  });
}

/**
 * The patterns report (`GET /api/reports/patterns`, default window: the last four weeks) for a district
 * of 100 students and one of 10,000, each with two school years of stored patterns at the demo
 * district's rate, timed one call at a time in this process against the stack's DynamoDB Local (the
 * verb the route calls; the route adds only its constant HTTP and session cost). Target: the large
 * district's p50 within 1.5× the small one's.
 */
export async function benchPatterns(seconds: number) {
  const demo = (await District.load(demoDistrictId))!;
  const thisWeek = currentWeekOf(demo);
  const demoWeeks = 10;
  const [demoPatterns, demoStudents] = await Promise.all([
    queryAll(patternItemType, keys.patternsOf(demoDistrictId, addWeeks(thisWeek, -demoWeeks), thisWeek)),
    queryAll(studentItemType, keys.studentsOfDistrict(demoDistrictId)),
  ]);
  const rate = demoPatterns.length / Math.max(1, demoStudents.length) / demoWeeks;
  const shapes = demoPatterns.map((p) => ({ kind: p.kind, students: p.studentIds.length, evidence: p.evidence.length }));
  if (!shapes.length) throw new Error("The demo district stores no patterns to shape the bench's on");
  const small = await benchDistrict("small", 100, rate, shapes);
  const large = await benchDistrict("large", 10_000, rate, shapes);
  const districts = [
    ["100 students", small],
    ["10,000 students", large],
  ] as const;
  const probes: Array<{ inWindow: number; shown: number; audited: number }> = [];
  for (const [, d] of districts) {
    const probe = await Patterns.report(d.director, {});
    const inWindow = (await queryAll(keys.patternsOf(d.director.districtId, probe.from, probe.to))).length;
    // The students the shown patterns rest on: one audit entry each per call.
    const shown = await batchGet(
      patternItemType,
      probe.patterns.map((p) => keys.pattern(d.director.districtId, p.week, patternSubject(p))),
    );
    probes.push({ inWindow, shown: probe.patterns.length, audited: new Set(shown.flatMap((p) => p.studentIds)).size });
  }
  // The two districts' calls alternate, so both meet the same machine and the same table as it grows.
  const figures = await measureAlternating(
    districts.map(
      ([, d]) =>
        () =>
          Patterns.report(d.director, {}),
    ),
    seconds * districts.length,
  );
  const rows = districts.map(
    ([label, d], i) =>
      [`${label}, ${d.schools} school${d.schools > 1 ? "s" : ""}, ${d.stored.toLocaleString("en-US")} patterns stored`, figures[i]!, probes[i]!] as const,
  );
  console.log(
    `\nPatterns report, default four weeks, 1 call at a time in-process (demo rate ${(rate * 100).toFixed(2)} patterns per 100 students a week, at least ${100 / STUDENTS_PER_WEEKLY_PATTERN})`,
  );
  console.log(
    `  ${"".padEnd(58)}${"in window".padStart(10)}${"shown".padStart(7)}${"audited".padStart(9)}${"calls/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}`,
  );
  for (const [name, f, { inWindow, shown, audited }] of rows)
    console.log(
      `  ${name.padEnd(58)}${String(inWindow).padStart(10)}${String(shown).padStart(7)}${String(audited).padStart(9)}${f.requestsPerSecond.toFixed(0).padStart(9)}${f.p50.toFixed(2).padStart(9)}${f.p99.toFixed(2).padStart(9)}`,
    );
  console.log(`  p50 ratio 10,000 / 100 students: ${(rows[1]![1].p50 / rows[0]![1].p50).toFixed(2)} (target ≤ 1.5)`);
}
