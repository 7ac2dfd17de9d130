import { Access } from "../access";
import { Audit } from "../audit";
import { District } from "../district";
import { schoolItem } from "../district/school";
import { keys, queryAll } from "../dynamo";
import { notFound, VisibleError } from "../error";
import { currentWeekOf } from "../fidelity/minutes";
import { districtToday } from "../fidelity/form";
import { helpCounts } from "../help/counts";
import { helpPatterns } from "./help";
import { addWeeks, isoWeekOf } from "../fidelity/week";
import { verb } from "../verb";
import { patternItemType } from "./items";
import { PatternsQuery, patternKinds } from "./schema";

/** Weeks shown when the request names none: this one and the three before. */
const DEFAULT_WEEKS = 4;

/** The district's school names, for wording patterns (a bounded partition). */
export const schoolNames = async (districtId: string) => new Map((await queryAll(schoolItem, keys.schoolsOf(districtId))).map((s) => [s.id, s.name]));

/**
 * The patterns found for the weeks holding `from` to `to` (default: the last four weeks), the
 * special-education director's alone (anyone else: 404, like the escalation board). One Query of the
 * district's stored patterns: its cost follows what fired, never the forms or the district's size.
 * Each student a pattern rests on gets an audit entry.
 */
export const patternsReport = verb(PatternsQuery, async (actor, input) => {
  if (!Access.may(actor, "patterns.report")) throw notFound("Report");
  const district = await District.load(actor.districtId);
  if (!district) throw notFound("District");
  const to = input.to ? isoWeekOf(input.to) : currentWeekOf(district);
  const from = input.from ? isoWeekOf(input.from) : addWeeks(to, -(DEFAULT_WEEKS - 1));
  if (from > to) throw new VisibleError(422, "window_reversed", "`from` must not be after `to`.", { fields: { from: ["Must not be after `to`"] } });
  const today = districtToday(district);
  const current = currentWeekOf(district);
  // Help requests fall past due as days pass, not as anything is written: this week's are read live.
  const [stored, names, live, helpRequests] = await Promise.all([
    queryAll(patternItemType, keys.patternsOf(district.id, from, to)),
    schoolNames(district.id),
    from <= current && current <= to ? helpPatterns(district.id, today, current) : [],
    helpCounts(district.id, today),
  ]);
  // A pattern found again in later weeks is shown once, as found in its latest week.
  const latest = new Map<string, (typeof stored)[number]>();
  for (const p of [...stored, ...live]) latest.set([p.kind, p.schoolId, p.classId ?? p.teacherId ?? "", p.itemText ?? ""].join("|"), p);
  const patterns = [...latest.values()].sort(
    (a, b) => patternKinds.indexOf(a.kind) - patternKinds.indexOf(b.kind) || b.count - a.count || a.schoolId.localeCompare(b.schoolId),
  );
  const studentIds = [...new Set(patterns.flatMap((p) => p.studentIds))];
  await Audit.recordMany(
    actor,
    studentIds.map((studentId) => ({ studentId, action: "patterns.report", record: `patterns:${from}..${to}`, reason: "director" })),
  );
  return {
    from,
    to,
    patterns: patterns.map(({ studentIds: _, ...p }) => ({ ...p, schoolName: names.get(p.schoolId) ?? p.schoolId })),
    /** Teachers' help requests: open, past due and answered, in all and by school. */
    helpRequests: { ...helpRequests, schools: helpRequests.schools.map((s) => ({ ...s, schoolName: names.get(s.schoolId) ?? s.schoolId })) },
  };
});
