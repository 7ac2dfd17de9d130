import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { getItem, itemType, keys, queryAll, queryPage, type QueryPage } from "../dynamo";
import { filteredPage } from "../dynamo/filtered-page";
import { normalizeName } from "../student/schema";
import { concernItem } from "./items";
import { parseReference } from "./naming";
import { concernIdByReference } from "./reference";
import { notFound } from "../error";
import { Cursor } from "../paging/cursor";
import { boardEntryItem, entry, isOpen, type BoardEntry } from "./board-index";
import { EscalationLevel, levels } from "./schema";
import { clock } from "../clock";
import { tiesByStudent } from "./ties";
import { District } from "../district";
import { clocksEndingSoon, openRecordsRequests } from "../rights/ending-soon";
import { overduePlans } from "../fidelity/compensatory";

export const BoardQuery = v.object({
  // Part of a key: only id characters, so a value cannot reach another partition.
  schoolId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,80}$/, "Not a school id"))),
  level: v.optional(EscalationLevel),
  /** A reference ("C-1042") finds that concern; other text keeps entries whose subject, student or reference contains it. */
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(80, "At most 80 characters"))),
  cursor: Cursor,
});
export type BoardQuery = v.InferOutput<typeof BoardQuery>;

const pageSize = 25;
const windowDays = 30;
const dayMs = 86_400_000;

const countsItem = itemType("board counters", v.record(v.string(), v.unknown()));
const missedItem = itemType("board missed deadlines", v.object({ schoolId: v.string(), schoolName: v.string(), count: v.number() }));

const num = (value: unknown) => (typeof value === "number" ? value : 0);

/** The median of a histogram: `scale` units per bucket step (tenths of a day: 10; whole hours: 1). */
export function medianOf(buckets: Map<number, number>, scale = 1): number | null {
  const total = [...buckets.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...buckets.entries()].sort(([a], [b]) => a - b);
  const at = (rank: number) => {
    let seen = 0;
    for (const [step, n] of sorted) if ((seen += n) > rank) return step / scale;
    return sorted.at(-1)![0] / scale;
  };
  return total % 2 ? at((total - 1) / 2) : Math.round(((at(total / 2 - 1) + at(total / 2)) / 2) * 10) / 10;
}

/** The median of a histogram whose buckets are tenths of a day (`d25` = 2.5 days). */
export const medianDays = (buckets: Map<number, number>) => medianOf(buckets, 10);

/**
 * The median time to resolution in hours: from the whole-hour buckets when every resolution counted
 * has one (days recorded before those were kept have tenths of a day only), else from the tenths.
 */
export function medianHours(days: Map<number, number>, hours: Map<number, number>): number | null {
  const count = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  if (count(hours) > 0 && count(hours) === count(days)) return medianOf(hours);
  const inDays = medianDays(days);
  return inDays === null ? null : Math.round(inDays * 24 * 10) / 10;
}

const view = (e: BoardEntry, now: string) => ({
  id: e.id,
  studentId: e.studentId,
  studentName: e.studentName,
  subject: e.subject ?? "",
  reference: e.reference ?? null,
  schoolId: e.schoolId,
  schoolName: e.schoolName,
  level: e.level,
  status: e.status,
  assignee: e.assignee ?? null,
  dueAt: e.dueAt ?? null,
  overdue: e.missed > 0 || (e.dueAt !== undefined && e.dueAt < now),
  openedAt: e.openedAt,
  levelSince: e.levelSince,
});

const inScope = (e: BoardEntry, query: BoardQuery) => (!query.schoolId || e.schoolId === query.schoolId) && (!query.level || e.level === query.level);

/**
 * The open entries of one scope, a page at a time. A reference in `q` is one Get (the concern, shown
 * while it is open and within the filters); other text keeps the entries whose subject, student or
 * reference holds every word, from a few bounded pages of the same order (filteredPage).
 */
async function openPage(district: string, scope: string, query: BoardQuery): Promise<QueryPage<BoardEntry>> {
  const reference = query.q ? parseReference(query.q) : undefined;
  if (reference) {
    if (query.cursor) return { items: [] };
    const id = await concernIdByReference(district, reference);
    const concern = id ? await getItem(concernItem, keys.concern(id)) : undefined;
    const found = concern && concern.districtId === district && isOpen(concern) ? entry(concern) : undefined;
    return { items: found && inScope(found, query) ? [found] : [] };
  }
  const words = query.q ? normalizeName(query.q).split(" ").filter(Boolean) : [];
  const keep = words.length
    ? (e: BoardEntry) => words.every((w) => normalizeName(`${e.subject ?? ""} ${e.studentName} ${e.reference ?? ""}`).includes(w))
    : undefined;
  const page = await filteredPage((cursor, limit) => queryPage(boardEntryItem, { ...keys.boardEntries(district, scope), limit, cursor }), {
    pageSize,
    cursor: query.cursor,
    keep,
  });
  return { items: page.items, ...(page.cursor && { cursor: page.cursor }) };
}

/**
 * The director's escalation board: open concerns, overdue first then by the assignee's deadline
 * (waiting on the parent or the advocate last), a page per Query of the index the transitions keep
 * (board-index.ts); counters for the totals, resolutions of the last 30 days and missed deadlines.
 * Three Queries in all, whatever the table holds (a fourth, the reader's own links, only for a
 * director who is also a parent or a case manager). Totals follow the school filter, not the level one
 * (the per-level counts are the breakdown). Anyone the policy does not give the board to
 * (`concern.board` in Access: the director alone): 404.
 */
export async function escalationBoard(actor: UserActor, query: BoardQuery) {
  if (!Access.may(actor, "concern.board")) throw notFound("Report");
  const district = actor.districtId;
  const { schoolId, level } = query;
  const scope = schoolId ? `S#${schoolId}${level ? `#L#${level}` : ""}` : level ? `L#${level}` : "ALL";
  const statScope = schoolId ? `S#${schoolId}` : "ALL";
  const nowMs = clock.ms();
  const since = new Date(nowMs - (windowDays - 1) * dayMs).toISOString().slice(0, 10);
  const [found, stats, missed, ties, info] = await Promise.all([
    openPage(district, scope, query),
    queryAll(countsItem, keys.boardResolvedSince(district, statScope, since)),
    queryAll(missedItem, keys.boardMissedAll(district)),
    tiesByStudent(actor),
    District.load(district),
  ]);
  // Each entry with the reason Access gives for seeing it: every entry is of the reader's district,
  // which Access puts before the assignment, so the entry's current assignee is all it needs of those.
  const seen = found.items.flatMap((e) => {
    const reason = Access.concernReason(actor, { districtId: district, assignedIds: e.assignee ? [e.assignee.id] : [] }, ties(e.studentId));
    return reason ? [{ entry: e, reason }] : [];
  });
  const page = { items: seen.map((s) => s.entry), cursor: found.cursor };
  const totals = stats.find((s) => s.type === "board-totals") ?? {};
  const resolved = stats.filter((s) => s.type === "board-resolved");
  const buckets = new Map<number, number>();
  const hourBuckets = new Map<number, number>();
  for (const day of resolved) {
    for (const [name, n] of Object.entries(day)) {
      const into = /^d\d+$/.test(name) ? buckets : /^h\d+$/.test(name) ? hourBuckets : undefined;
      into?.set(Number(name.slice(1)), (into.get(Number(name.slice(1))) ?? 0) + num(n));
    }
  }
  const now = new Date(nowMs).toISOString();
  // Names on the board are sightings of those students' records: each is in their audit trail.
  await Audit.recordMany(
    actor,
    seen.map(({ entry: e, reason }) => ({ studentId: e.studentId, action: "concern.list", record: `concern:${e.id}`, reason })),
  );
  // Legal clocks only on the first page: they are the district's, whatever the filters.
  const [clocks, recordsRequests, makeUp] = query.cursor
    ? [[], [], []]
    : await Promise.all([
        clocksEndingSoon(actor, { id: district, timeZone: info?.timeZone }),
        openRecordsRequests(actor, district),
        overduePlans(actor, { id: district, timeZone: info?.timeZone }),
      ]);
  return {
    open: { items: page.items.map((e) => view(e, now)), ...(page.cursor && { cursor: page.cursor }) },
    clocksEndingSoon: clocks,
    openRecordsRequests: recordsRequests,
    /** Make-up plans past their due day with minutes left (fidelity/compensatory.ts). */
    overdueMakeUp: makeUp,
    totals: {
      open: num(totals.open),
      overdue: num(totals.overdue),
      byLevel: Object.fromEntries(levels.map((l) => [l, num(totals[`level_${l}`])])) as Record<(typeof levels)[number], number>,
    },
    resolvedLast30Days: {
      count: resolved.reduce((sum, day) => sum + num(day.count), 0),
      medianDaysToResolution: medianDays(buckets),
      medianHoursToResolution: medianHours(buckets, hourBuckets),
    },
    missedDeadlinesBySchool: missed
      .filter((m) => m.count > 0 && (!schoolId || m.schoolId === schoolId))
      .sort((a, b) => b.count - a.count || a.schoolName.localeCompare(b.schoolName))
      .map((m) => ({ schoolId: m.schoolId, schoolName: m.schoolName, count: m.count })),
  };
}
