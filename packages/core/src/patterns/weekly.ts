import { districtDirectors } from "../concern/people";
import type { DistrictInfo } from "../district/schema";
import { keys, queryAll } from "../dynamo";
import { districtToday, formId, iepForWeek, isInstructionDay, planFor } from "../fidelity/form";
import { helpPatterns } from "./help";
import { serviceMinutes, zeroMissed } from "../fidelity/minutes";
import { sendOnce } from "../fidelity/send-once";
import { addWeeks, weekDays, weeksBetween } from "../fidelity/week";
import { User } from "../user";
import type { StudentRecord } from "../student/items";
import { schoolCounts, weekOfCount, type CountItem } from "./counts";
import { patternsDigest } from "./digest";
import { schoolNames } from "./report";
import { patternItemType, settlePatterns, type StoredPattern } from "./items";
import { patternSubject, thresholds } from "./schema";

/** How far back a "forms stopped" run is followed to find when it began. */
const LOOKBACK_WEEKS = 8;
const MAX_EVIDENCE = 50;

type Owed = { formIds: string[]; studentIds: string[]; schoolIds: string[] };

/** Each team member's owed forms by week: a week with school days in which an IEP gives them something to report. */
function owedForms(district: DistrictInfo, records: StudentRecord[], weeks: string[]) {
  const owed = new Map<string, Map<string, Owed>>();
  const names = new Map<string, string>();
  const schoolWeeks = weeks.filter((w) => weekDays(w).some((d) => isInstructionDay(district, d)));
  for (const record of records) {
    for (const rel of record.relationships.filter((r) => r.kind === "teacher" || r.kind === "case_manager")) {
      names.set(rel.userId, rel.userName);
      for (const week of schoolWeeks) {
        const iep = iepForWeek(record, week);
        if (!iep || !planFor(record, rel.userId, iep)) continue;
        const byWeek = owed.get(rel.userId) ?? new Map<string, Owed>();
        const o = byWeek.get(week) ?? { formIds: [], studentIds: [], schoolIds: [] };
        o.formIds.push(formId(record.student.id, rel.userId, week));
        o.studentIds.push(record.student.id);
        o.schoolIds.push(record.student.schoolId);
        byWeek.set(week, o);
        owed.set(rel.userId, byWeek);
      }
    }
  }
  return { owed, names };
}

const mostCommon = (list: string[]) => {
  const counts = new Map<string, number>();
  for (const x of list) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
};

/** Team members owed forms in the latest weeks in a row who submitted none of them. */
function formsStopped(week: string, owed: ReturnType<typeof owedForms>, counts: CountItem[]): StoredPattern[] {
  const submitted = new Set(counts.filter((c) => c.sk.slice(9).startsWith("SUB#")).map((c) => `${c.staffId}|${weekOfCount(c)}`));
  const out: StoredPattern[] = [];
  for (const [staffId, byWeek] of owed.owed) {
    const run: Owed[] = [];
    let since = week;
    for (let w = week; w > addWeeks(week, -LOOKBACK_WEEKS); w = addWeeks(w, -1)) {
      const o = byWeek.get(w);
      if (!o || submitted.has(`${staffId}|${w}`)) break;
      run.push(o);
      since = w;
    }
    if (run.length < thresholds.stoppedWeeks) continue;
    out.push({
      kind: "forms_stopped",
      schoolId: mostCommon(run.flatMap((o) => o.schoolIds)),
      teacherId: staffId,
      teacherName: owed.names.get(staffId) ?? "",
      week,
      count: run.length,
      since,
      evidence: run.flatMap((o) => o.formIds).slice(0, MAX_EVIDENCE),
      studentIds: [...new Set(run.flatMap((o) => o.studentIds))],
    });
  }
  return out;
}

/** Providers whose submitted forms of the last weeks delivered under the threshold share of the minutes they required (minutes.ts sums them). */
function underdelivered(schoolId: string, week: string, counts: CountItem[], names: Map<string, string>): StoredPattern[] {
  const from = addWeeks(week, -(thresholds.serviceWeeks - 1));
  const cells = counts.filter((c) => c.sk.slice(9).startsWith("SVC#") && weekOfCount(c) >= from);
  const byStaff = new Map<string, CountItem[]>();
  for (const c of cells) byStaff.set(c.staffId!, [...(byStaff.get(c.staffId!) ?? []), c]);
  const out: StoredPattern[] = [];
  for (const [staffId, list] of byStaff) {
    const totals = serviceMinutes(
      "caseload",
      "",
      list.map((c) => ({
        week: weekOfCount(c),
        state: "ended" as const,
        cell: {
          serviceId: "caseload",
          name: "",
          staffIds: [staffId],
          required: c.required ?? 0,
          delivered: c.delivered ?? 0,
          missed: zeroMissed(),
          recorded: true,
        },
      })),
    );
    if (totals.percentOfMinutes === null || totals.percentOfMinutes >= thresholds.servicePercent) continue;
    out.push({
      kind: "service_underdelivered",
      schoolId,
      teacherId: staffId,
      teacherName: names.get(staffId) ?? "",
      week,
      count: totals.owed,
      percent: totals.percentOfMinutes,
      since: list.map(weekOfCount).sort()[0]!,
      evidence: list.flatMap((c) => [...(c.forms ?? [])]).slice(0, MAX_EVIDENCE),
      studentIds: [],
    });
  }
  return out;
}

/**
 * The weekly patterns of an ended school week, found by the weekly job from the school counts and the
 * students it has already loaded: forms stopped, and services under-delivered; and the help requests
 * past due as the job runs. Then the digest of the
 * week's new patterns goes to each director, once (not for a seed's history).
 */
export async function weeklyPatterns(district: DistrictInfo, week: string, records: StudentRecord[], options: { digest: boolean } = { digest: true }) {
  const from = addWeeks(week, -(LOOKBACK_WEEKS - 1));
  const owed = owedForms(district, records, weeksBetween(from, week));
  const schools = [...new Set(records.map((r) => r.student.schoolId))];
  const counts = new Map(await Promise.all(schools.map(async (s) => [s, await schoolCounts(district.id, s, from, week)] as const)));
  const all = [...counts.values()].flat();
  const found = [
    ...formsStopped(week, owed, all),
    ...schools.flatMap((s) => underdelivered(s, week, counts.get(s) ?? [], owed.names)),
    ...(await helpPatterns(district.id, districtToday(district), week)),
  ];
  const stored = await queryAll(patternItemType, keys.patternsOf(district.id, week, week));
  const gone = stored.filter((p) => p.kind === "forms_stopped" || p.kind === "service_underdelivered" || p.kind === "help_requests_open");
  await settlePatterns(district.id, found, gone);
  return { patterns: found.length, digests: options.digest ? await sendDigests(district, week) : 0 };
}

/** The week's patterns that were not there the week before, to each director in their language, once per week. */
async function sendDigests(district: DistrictInfo, week: string) {
  const stored = await queryAll(patternItemType, keys.patternsOf(district.id, addWeeks(week, -1), week));
  const before = new Set(stored.filter((p) => p.week !== week).map(patternSubject));
  const fresh = stored.filter((p) => p.week === week && !before.has(patternSubject(p)));
  if (!fresh.length) return 0;
  const names = await schoolNames(district.id);
  const worded = fresh.map((p) => ({ ...p, schoolName: names.get(p.schoolId) }));
  let sent = 0;
  for (const director of await districtDirectors(district.id)) {
    if (!User.canSignIn(director)) continue;
    sent += await sendOnce(district.id, week, keys.patternDigestSent(district.id, week, director.id), patternsDigest(director, week, worded), []);
  }
  return sent;
}
