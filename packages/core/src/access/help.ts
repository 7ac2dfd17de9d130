import { hasRole, type Role, type UserActor } from "../actor";
import type { AuditReason } from "../audit/reasons";
import type { RelationshipKind } from "../student/schema";

/** What a help request tells about who may see it. */
export interface HelpSeen {
  teacherId: string;
  caseManagerId: string;
}

export const helpActionNames = ["resolve", "comment"] as const;
export type HelpActionName = (typeof helpActionNames)[number];

interface Way {
  /** Whose request it is to this person: the case manager asked, or the teacher who asked. */
  as: "caseManagerId" | "teacherId";
  roles: readonly Role[];
  /** The links to the student that must still hold (a person the roster unlinked stops seeing it). */
  ties: readonly RelationshipKind[];
  reason: AuditReason;
  actions: readonly HelpActionName[];
}

/**
 * The ways a person comes to see a help request, in order; the first that holds is the audit reason.
 * - The case manager it was sent to, while still the student's case manager: answers it or comments.
 * - The teacher who asked, while still serving the student: comments (a case manager may ask too,
 *   about a student they teach but do not manage).
 * Nobody else sees it: not the family, not the director (counts only), not another teacher.
 */
const helpSight: readonly Way[] = [
  { as: "caseManagerId", roles: ["case_manager"], ties: ["case_manager"], reason: "case_manager", actions: ["resolve", "comment"] },
  { as: "teacherId", roles: ["teacher", "case_manager"], ties: ["teacher", "case_manager"], reason: "teacher", actions: ["comment"] },
];

/** Why `actor` may see the request and what they may do, or nothing (then 404). `ties`: the actor's links to its student. */
export function helpAccess(actor: UserActor, request: HelpSeen, ties: readonly RelationshipKind[]) {
  const way = helpSight.find((w) => request[w.as] === actor.userId && hasRole(actor, ...w.roles) && w.ties.some((t) => ties.includes(t)));
  return way ? { reason: way.reason, actions: way.actions, answers: way.as === "caseManagerId" } : undefined;
}
