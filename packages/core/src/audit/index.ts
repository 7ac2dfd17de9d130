import * as v from "valibot";
import { SystemReason, type Actor } from "../actor";
import { batchPut, itemType, keys, putNewItem, queryPage } from "../dynamo";
import { filteredPage } from "../dynamo/filtered-page";
import { newId } from "../id";
import type { AuditAction } from "./actions";
import { listActions, reasonCode, type AuditKind, type AuditReason } from "./reasons";
import { clock } from "../clock";

export const AuditEntry = v.object({
  id: v.string(),
  studentId: v.string(),
  at: v.string(),
  actorId: v.string(),
  actorName: v.string(),
  actorRoles: v.array(v.string()),
  /** Set when Fidelio itself acted (actorId "system"); the web shows "Fidelio (<reason>)". */
  systemReason: v.optional(SystemReason),
  action: v.string(),
  record: v.string(),
  // Entries written before reasons were codes read back as the code, so they render like new ones.
  reason: v.pipe(v.string(), v.transform(reasonCode)),
});
export type AuditEntry = v.InferOutput<typeof AuditEntry>;
const auditItem = itemType("audit entry", AuditEntry);

export interface AuditEvent {
  studentId: string;
  /** What was done, e.g. `student.read`, `roster.import`: one of `auditActions` (./actions.ts). */
  action: AuditAction;
  /** Which record, e.g. `student`, `iep:v3`. */
  record: string;
  reason: AuditReason;
}

export interface AuditFilter {
  kind?: AuditKind;
  /** Only this person's entries. */
  actorId?: string;
  /** Leave this person's entries out (a parent hiding their own views). */
  exceptActorId?: string;
}

export const auditPageSize = 50;
const isListed = (action: string) => (listActions as readonly string[]).includes(action);

/** Append-only trail of every read and write of a student's records (FERPA 34 CFR 99.32). */
export namespace Audit {
  function toItem(actor: Actor, event: AuditEvent, fixed?: { id: string; at: string }) {
    const entry: AuditEntry = {
      id: fixed?.id ?? newId("aud"),
      at: fixed?.at ?? clock.iso(),
      ...(actor.kind === "user"
        ? { actorId: actor.userId, actorName: actor.name, actorRoles: actor.roles }
        : { actorId: "system", actorName: "Fidelio", actorRoles: [], systemReason: actor.reason }),
      ...event,
    };
    return {
      ...keys.audit(event.studentId, entry.at, entry.id),
      ...(!isListed(event.action) && keys.auditOpened(event.studentId, entry.at, entry.id)),
      type: "audit",
      ...entry,
    };
  }

  export const record = (actor: Actor, event: AuditEvent) => putNewItem(toItem(actor, event));

  export const recordMany = (actor: Actor, events: AuditEvent[]) => batchPut(events.map((event) => toItem(actor, event)));

  /**
   * The audit item for a caller's own transaction, so a record and its audit entry commit together.
   * A fixed id and time give the entry a key known in advance: a caller that may run the same write
   * twice (a resumed job) puts it with `putNew`, only if absent, and so never audits it twice.
   */
  export const itemFor = (actor: Actor, event: AuditEvent, fixed?: { id: string; at: string }) => toItem(actor, event, fixed);

  /**
   * Newest first, a page at a time, however long the history. "Opened" reads its own sparse index;
   * the other filters keep what matches from a few bounded Queries (see filteredPage).
   * Authorization is the caller's (Student.auditTrail).
   */
  export async function page(studentId: string, filter: AuditFilter = {}, cursor?: string) {
    const source = filter.kind === "opened" ? keys.auditOpenedOf(studentId) : keys.auditOf(studentId);
    const tests = [
      filter.kind === "listed" && ((e: AuditEntry) => isListed(e.action)),
      filter.actorId && ((e: AuditEntry) => e.actorId === filter.actorId),
      filter.exceptActorId && ((e: AuditEntry) => e.actorId !== filter.exceptActorId),
    ].filter((test): test is (e: AuditEntry) => boolean => !!test);
    const result = await filteredPage((from, limit) => queryPage(auditItem, { ...source, newestFirst: true, limit, cursor: from }), {
      pageSize: auditPageSize,
      cursor,
      keep: tests.length > 0 ? (e) => tests.every((test) => test(e)) : undefined,
    });
    return result;
  }
}
