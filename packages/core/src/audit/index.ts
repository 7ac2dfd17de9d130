import * as v from "valibot";
import type { Actor } from "../actor";
import { batchPut, keys, putItem, queryPage } from "../dynamo";
import { newId } from "../id";

export const AuditEntry = v.object({
  id: v.string(),
  studentId: v.string(),
  at: v.string(),
  actorId: v.string(),
  actorName: v.string(),
  actorRoles: v.array(v.string()),
  action: v.string(),
  record: v.string(),
  reason: v.string(),
});
export type AuditEntry = v.InferOutput<typeof AuditEntry>;

export interface AuditEvent {
  studentId: string;
  /** What was done, e.g. `student.read`, `roster.import`. */
  action: string;
  /** Which record, e.g. `student`, `iep:v3`. */
  record: string;
  reason: string;
}

/** Append-only trail of every read and write of a student's records (FERPA 34 CFR 99.32). */
export namespace Audit {
  function toItem(actor: Pick<Actor, "userId" | "name" | "roles">, event: AuditEvent, fixed?: { id: string; at: string }) {
    const entry: AuditEntry = {
      id: fixed?.id ?? newId("aud"),
      at: fixed?.at ?? new Date().toISOString(),
      actorId: actor.userId,
      actorName: actor.name,
      actorRoles: actor.roles,
      ...event,
    };
    return { ...keys.audit(event.studentId, entry.at, entry.id), type: "audit", ...entry };
  }

  export const record = (actor: Pick<Actor, "userId" | "name" | "roles">, event: AuditEvent) =>
    putItem(toItem(actor, event), "attribute_not_exists(pk)");

  export const recordMany = (actor: Pick<Actor, "userId" | "name" | "roles">, events: AuditEvent[]) =>
    batchPut(events.map((event) => toItem(actor, event)));

  /**
   * The audit item for a caller's own transaction, so a record and its audit entry commit together.
   * A fixed id and time give the entry a key known in advance: a caller that may run the same write
   * twice (a resumed job) puts it with `attribute_not_exists(pk)` and so never audits it twice.
   */
  export const itemFor = (actor: Pick<Actor, "userId" | "name" | "roles">, event: AuditEvent, fixed?: { id: string; at: string }) =>
    toItem(actor, event, fixed);

  /** Newest first, a page at a time. Authorization is the caller's (see student/audit-trail.ts). */
  export async function page(studentId: string, cursor?: string) {
    const result = await queryPage<AuditEntry & { pk: string; sk: string; type: string }>({
      ...keys.auditOf(studentId),
      newestFirst: true,
      limit: 50,
      cursor,
    });
    return {
      items: result.items.map(({ pk: _p, sk: _s, type: _t, ...entry }) => entry as AuditEntry),
      cursor: result.cursor,
    };
  }
}
