import { Access } from "../access";
import { Audit } from "../audit";
import { District } from "../district";
import { schoolItem } from "../district/school";
import { batchGet, keys, queryAll, queryPage } from "../dynamo";
import { notFound, VisibleError } from "../error";
import { currentWeekOf } from "../fidelity/minutes";
import { districtToday } from "../fidelity/form";
import { helpCountsOf, helpStats, pastDueRequests } from "../help/counts";
import { helpPatternsOf } from "./help";
import { addWeeks, isoWeekOf } from "../fidelity/week";
import { verb } from "../verb";
import { patternItemType } from "./items";
import { PatternsQuery, patternKinds, patternSubject } from "./schema";

/** Weeks shown when the request names none: this one and the three before. */
const DEFAULT_WEEKS = 4;
/**
 * Stored patterns one page of the report reads, newest week first; `cursor` reads the next page. A
 * larger district finds more patterns, and each one shown writes an audit entry per student it rests
 * on, so a page's work follows how many it shows, never the district's size. A dozen fill a
 * director's home without a long scroll on a phone; a district of 100 students at the demo's rate
 * stores about 24 in four weeks (docs/benchmarks.md#patterns-report).
 */
export const PATTERNS_PAGE = 12;

/** The district's school names, for wording patterns (a bounded partition). */
export const schoolNames = async (districtId: string) => new Map((await queryAll(schoolItem, keys.schoolsOf(districtId))).map((s) => [s.id, s.name]));

/** The names of these schools only (one BatchGetItem per 100): what a report shows, not the whole district. */
const namesOf = async (districtId: string, schoolIds: string[]) =>
  new Map(
    (
      await batchGet(
        schoolItem,
        [...new Set(schoolIds)].map((id) => keys.school(districtId, id)),
      )
    ).map((s) => [s.id, s.name]),
  );

/**
 * The patterns found for the weeks holding `from` to `to` (default: the last four weeks), the
 * special-education director's alone (anyone else: 404, like the escalation board), a page at a time.
 * One Query of the district's stored patterns, newest first and PATTERNS_PAGE of them: its cost is
 * bounded whatever fired, and never follows the forms or the district's size. The first page also
 * holds this week's past-due help requests, read live. Each student a shown pattern rests on gets an
 * audit entry.
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
  // Help requests fall past due as days pass, not as anything is written: this week's are read live
  // (one Query of the district's open requests by due day, shared by the pattern and the counts), for
  // the first page only: the pages after it add stored patterns.
  const firstPage = !input.cursor;
  const [page, late, stats] = await Promise.all([
    queryPage(patternItemType, { ...keys.patternsOf(district.id, from, to), limit: PATTERNS_PAGE, exact: true, newestFirst: true, cursor: input.cursor }),
    firstPage ? pastDueRequests(district.id, today) : undefined,
    firstPage ? helpStats(district.id) : undefined,
  ]);
  const live = late && from <= current && current <= to ? helpPatternsOf(late, current) : [];
  const helpRequests = late && stats ? helpCountsOf(stats, late) : undefined;
  const truncated = page.cursor !== undefined;
  const stored = page.items;
  // A pattern found again in later weeks is shown once, as found in its latest week: this week's live
  // ones first, then the stored ones newest first. (A later page may find it again in an earlier week:
  // the page that shows both keeps the first, by `patternSubject`.)
  const latest = new Map<string, (typeof stored)[number]>();
  for (const p of [...live, ...stored]) {
    const subject = patternSubject(p);
    if (!latest.has(subject)) latest.set(subject, p);
  }
  // Cut short: the last week read may be partial, so the weeks after it are the ones read in full
  // (with the pages before it).
  const completeFrom = truncated ? addWeeks(stored.at(-1)!.week, 1) : from;
  const patterns = [...latest.values()].sort(
    (a, b) => patternKinds.indexOf(a.kind) - patternKinds.indexOf(b.kind) || b.count - a.count || a.schoolId.localeCompare(b.schoolId),
  );
  const studentIds = [...new Set(patterns.flatMap((p) => p.studentIds))];
  // The audit entries and the names of the schools shown (not every school of the district) go side by side.
  const [, names] = await Promise.all([
    Audit.recordMany(
      actor,
      studentIds.map((studentId) => ({ studentId, action: "patterns.report", record: `patterns:${from}..${to}`, reason: "director" })),
    ),
    namesOf(district.id, [...patterns.map((p) => p.schoolId), ...(helpRequests?.schools.map((s) => s.schoolId) ?? [])]),
  ]);
  return {
    from,
    to,
    /** More patterns were stored for these weeks than this page holds: `cursor` reads on; `completeFrom` to `to` is complete. */
    truncated,
    completeFrom,
    cursor: page.cursor,
    patterns: patterns.map(({ studentIds: _, ...p }) => ({ ...p, schoolName: names.get(p.schoolId) ?? p.schoolId })),
    /** Teachers' help requests, on the first page: open, past due and answered, in all and by school. */
    ...(helpRequests && {
      helpRequests: { ...helpRequests, schools: helpRequests.schools.map((s) => ({ ...s, schoolName: names.get(s.schoolId) ?? s.schoolId })) },
    }),
  };
});
