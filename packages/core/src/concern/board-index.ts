import * as v from "valibot";
import { itemType, keys, type TransactOp } from "../dynamo";
import { levels, type Concern } from "./schema";
import { subjectOf } from "./naming";

/**
 * The director's board is kept as index items written in the same transaction as each transition
 * (store.ts), so reading it is one Query per page whatever the table holds: one entry per filter
 * scope (district, level, school, school and level) ordered by "missed a deadline" then the
 * assignee's deadline, then the longest at its level, plus counters (open, overdue, per level; resolutions per day; missed deadlines
 * per school) moved with ADD. Counters use ADD without a condition on purpose: ADD commutes, so two
 * transitions never lose each other's count, and the transaction that carries it is itself conditional.
 */

export const unknownSchool = "none";
const resolvedOutcomes = ["resolved", "resolved_unconfirmed", "advocate_outcome"];
const dayMs = 86_400_000;
/** Resolution days are kept a while past the board's 30-day window, then TTL removes them. */
const resolvedKeepDays = 40;

const Ref = v.object({ id: v.string(), name: v.string() });
export const boardEntryItem = itemType(
  "board entry",
  v.object({
    id: v.string(),
    studentId: v.string(),
    studentName: v.string(),
    subject: v.optional(v.string()),
    reference: v.optional(v.string()),
    schoolId: v.string(),
    schoolName: v.string(),
    level: v.picklist(levels),
    status: v.string(),
    assignee: v.optional(Ref),
    dueAt: v.optional(v.string()),
    missed: v.number(),
    openedAt: v.string(),
    levelSince: v.string(),
  }),
);
export type BoardEntry = v.InferOutput<typeof boardEntryItem.schema>;

export const isOpen = (c: Concern | undefined): c is Concern => !!c && c.stage !== "closed";
/** The assignee's deadline: none while the parent has the next move (paused for information, confirming) or at the advocate. */
const boardDueAt = (c: Concern) => (c.status === "open" && c.level !== "advocate" ? c.dueAt : undefined);
const schoolOf = (c: Concern) => c.schoolId ?? unknownSchool;
const scopes = (c: Concern) => ["ALL", `L#${c.level}`, `S#${schoolOf(c)}`, `S#${schoolOf(c)}#L#${c.level}`];
// Deadlines fall at the end of a school day, so many tie: the one waiting longest at its level comes first.
const order = (c: Concern) => `${(c.missedDeadlines ?? 0) > 0 ? 0 : 1}#${boardDueAt(c) ?? "~"}#${c.levelSince ?? c.createdAt}`;

export function entry(c: Concern): BoardEntry {
  return {
    id: c.id,
    studentId: c.studentId,
    studentName: c.studentName,
    subject: subjectOf(c),
    ...(c.reference && { reference: c.reference }),
    schoolId: schoolOf(c),
    schoolName: c.schoolName ?? "",
    level: c.level,
    status: c.status,
    assignee: c.assignee && { id: c.assignee.id, name: c.assignee.name },
    dueAt: boardDueAt(c),
    missed: c.missedDeadlines ?? 0,
    openedAt: c.createdAt,
    levelSince: c.levelSince ?? c.createdAt,
  };
}

const counts = (c: Concern | undefined): Record<string, number> =>
  isOpen(c) ? { open: 1, overdue: (c.missedDeadlines ?? 0) > 0 ? 1 : 0, [`level_${c.level}`]: 1 } : {};

function addOp(key: { pk: string; sk: string }, deltas: Record<string, number>, set: Record<string, unknown> = {}): TransactOp | undefined {
  const adds = Object.entries(deltas).filter(([, n]) => n !== 0);
  if (adds.length === 0) return undefined;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = adds.map(([name, n], i) => ((names[`#a${i}`] = name), (values[`:a${i}`] = n), `#a${i} :a${i}`));
  const sets = Object.entries(set).map(([name, value], i) => ((names[`#s${i}`] = name), (values[`:s${i}`] = value), `#s${i} = :s${i}`));
  return { update: key, expression: `ADD ${parts.join(", ")}${sets.length ? ` SET ${sets.join(", ")}` : ""}`, names, values };
}

/** The board's index and counter writes for one transition (before is undefined when filing). */
export function boardOps(before: Concern | undefined, after: Concern, now: Date): TransactOp[] {
  const ops: Array<TransactOp | undefined> = [];
  const district = after.districtId;
  const puts = isOpen(after) ? scopes(after).map((scope) => keys.boardEntry(district, scope, order(after), after.id)) : [];
  const putKeys = new Set(puts.map((k) => `${k.pk}|${k.sk}`));
  if (isOpen(before)) {
    for (const scope of scopes(before)) {
      const key = keys.boardEntry(before.districtId, scope, order(before), before.id);
      if (!putKeys.has(`${key.pk}|${key.sk}`)) ops.push({ delete: key });
    }
  }
  for (const key of puts) ops.push({ put: { ...key, type: "board-entry", ...entry(after) } });

  const [was, is] = [counts(before), counts(after)];
  const delta = Object.fromEntries([...new Set([...Object.keys(was), ...Object.keys(is)])].map((k) => [k, (is[k] ?? 0) - (was[k] ?? 0)]));
  const statScopes = ["ALL", `S#${schoolOf(after)}`];
  for (const scope of statScopes) ops.push(addOp(keys.boardTotals(district, scope), delta, { type: "board-totals" }));

  if (isOpen(before) && after.stage === "closed" && resolvedOutcomes.includes(after.outcome ?? "")) {
    const elapsedMs = Math.max(0, now.getTime() - new Date(after.createdAt).getTime());
    const days = Math.round((elapsedMs / dayMs) * 10);
    // Whole hours as well (a concern resolved the same day shows "3 hours", not "0 days"); older days have tenths only.
    const hours = Math.round(elapsedMs / 3_600_000);
    const day = now.toISOString().slice(0, 10);
    const ttl = Math.floor(now.getTime() / 1000) + resolvedKeepDays * 86_400;
    for (const scope of statScopes)
      ops.push(addOp(keys.boardResolved(district, scope, day), { count: 1, [`d${days}`]: 1, [`h${hours}`]: 1 }, { type: "board-resolved", ttl }));
  }
  if ((after.missedDeadlines ?? 0) > (before?.missedDeadlines ?? 0)) {
    ops.push(
      addOp(keys.boardMissed(district, schoolOf(after)), { count: 1 }, { type: "board-missed", schoolId: schoolOf(after), schoolName: after.schoolName ?? "" }),
    );
  }
  return ops.filter((op): op is TransactOp => op !== undefined);
}
