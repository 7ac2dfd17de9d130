import type { Actor } from "../actor";
import { Audit } from "../audit";
import type { AuditReason } from "../audit/reasons";
import type { AuditAction } from "../audit/actions";
import { ConcernItems, fromItem, getItem, keys, putNew, queryAll, transact, type TransactOp } from "../dynamo";
import { isIdOf } from "../id";
import { concernEventItem, concernItem as concernItemType } from "./items";
import { isConditionFailure } from "../error";
import { recapEmails, type RecapReaders, type RecapRecipients } from "./emails";
import { boardOps } from "./board-index";
import type { Concern } from "./schema";
import { nextEvent, type EventContent, type TimelineEvent } from "./timeline";
import { clock } from "../clock";

export async function loadConcern(id: string): Promise<Concern | undefined> {
  return isIdOf("con", id) ? getItem(concernItemType, keys.concern(id), true) : undefined;
}

/** One Query: the concern and its whole timeline, oldest event first. */
export async function loadWithTimeline(id: string) {
  if (!isIdOf("con", id)) return undefined;
  const items = await queryAll({ ...keys.concernPartition(id) });
  const item = items.find((i) => i.sk === "CONCERN");
  if (!item) return undefined;
  const events = items.filter((i) => String(i.sk).startsWith("EV#")).map((i) => fromItem(concernEventItem, i));
  return { concern: fromItem(concernItemType, item), events };
}

export const concernItem = (c: Concern) => ({ ...keys.concern(c.id), ...keys.concernInDistrict(c.districtId, c.createdAt, c.id), type: "concern", ...c });

/** Someone else changed the concern first (an answer, a deadline, a token): re-read and decide again. */
export class StaleConcern extends Error {
  constructor() {
    super("The concern changed while this write was prepared");
    this.name = "StaleConcern";
  }
}

export interface Change {
  /** The concern as read; undefined when filing. */
  before?: Concern;
  after: Concern;
  events: EventContent[];
  actor: Actor;
  audit: { action: AuditAction; reason: AuditReason };
  /** Who hears of it; the actor is left out (nobody is emailed about their own action) unless `receipt`. */
  emails: Omit<RecapRecipients, "actorId">;
  timeZone?: string;
  extra?: TransactOp[];
  /** People who should find the concern in their own list from now on (the family and case manager at filing). */
  viewerIds?: string[];
  /** When the step happens (the demo seed backdates its story); the clock by default. */
  now?: Date;
  /** The step answers nothing: the current wait and its task token stay as they are. */
  keepsWait?: boolean;
  /** The recap readers' user items, when already read (recapEmails reads whoever is missing). */
  readers?: RecapReaders;
  /** An earlier event the recap should repeat (why the concern moved before it was assigned anew). */
  recapAlso?: TimelineEvent;
}

/**
 * Commits one step of a concern in a single TransactWriteItems: the concern (conditional on the
 * version and task token read, so an answer and a deadline cannot both win), its timeline events,
 * the recap emails, the audit entry, the link items that let new people find it, the open marker.
 */
export async function commit(change: Change): Promise<{ concern: Concern; events: TimelineEvent[] }> {
  const { before, actor } = change;
  const now = (change.now ?? clock.now()).toISOString();
  let head = change.after.head;
  const events: TimelineEvent[] = [];
  const ops: TransactOp[] = [];
  for (const content of change.events) {
    const next = nextEvent({ id: change.after.id, head }, content);
    head = next.head;
    events.push(next.event);
    ops.push(next.put);
  }
  const after: Concern = { ...change.after, head, version: (before?.version ?? 0) + 1, updatedAt: now };
  if (!change.keepsWait) delete after.taskToken;
  ops.unshift(before ? ConcernItems.replace(concernItem(after), before) : putNew(concernItem(after)));
  // Each person's list is one partition of link items (one Query per page); a link is put once per person.
  const newlyAssigned = after.assignee && !(before?.assignedIds ?? []).includes(after.assignee.id) ? after.assignee : undefined;
  const linked = new Set([...(change.viewerIds ?? []), ...(newlyAssigned ? [newlyAssigned.id] : [])]);
  for (const userId of linked) ops.push({ put: { ...keys.concernOfUser(userId, after.createdAt, after.id), type: "concern-link", concernId: after.id } });
  if (!before) {
    ops.push({ put: { ...keys.concernOfStudent(after.studentId, after.createdAt, after.id), type: "concern-link", concernId: after.id } });
    ops.push({ put: { ...keys.openConcern(after.id), type: "concern-open", concernId: after.id } });
  } else if (after.stage === "closed" && before.stage !== "closed") {
    ops.push({ delete: keys.openConcern(after.id) });
  }
  ops.push(
    ...(await recapEmails(
      after,
      change.recapAlso ? [change.recapAlso, ...events] : events,
      { ...change.emails, actorId: actor.kind === "user" ? actor.userId : undefined },
      change.timeZone,
      change.readers,
    )),
  );
  ops.push(
    putNew(Audit.itemFor(actor, { studentId: after.studentId, action: change.audit.action, record: `concern:${after.id}`, reason: change.audit.reason })),
  );
  ops.push(...boardOps(before, after, new Date(now)));
  ops.push(...(change.extra ?? []));
  try {
    await transact(ops);
  } catch (error) {
    if (isConditionFailure(error)) throw new StaleConcern();
    throw error;
  }
  return { concern: after, events };
}
