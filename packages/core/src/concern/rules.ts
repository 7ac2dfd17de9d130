import { Access } from "../access";
import { hasRole, type UserActor } from "../actor";
import { VisibleError } from "../error";
import type { StudentRecord } from "../student";
import { say } from "../messages";
import { actions, canFlagOf, moveOf, rolesFor, type CanFlag, type ConcernAction, type ConcernRole, type EventType, type Move } from "./lifecycle";
import type { Concern } from "./schema";

/** Why the actor may see this concern (written to the audit trail), or nothing: then 404. Decided by Access alone. */
export const seeingReason = (actor: UserActor, concern: Concern, record: StudentRecord | undefined) =>
  Access.concernReason(actor, concern, Access.tiesTo(actor, record));

/** The state in words, for a 409: "the deadline passed; now with the case manager". */
export function stateInWords(concern: Concern, lastEventType?: EventType): string {
  if (concern.stage === "closed") return `the concern is closed (${concern.outcome})`;
  const level = say("en", `level.${concern.level}`);
  const where = `now ${level.charAt(0).toLowerCase()}${level.slice(1)}${concern.assignee ? ` (${concern.assignee.name})` : ""}`;
  const why = lastEventType === "deadline_passed" ? "the deadline passed; " : "";
  if (concern.status === "awaiting_info") return `${why}the concern is waiting for the parent's answer`;
  if (concern.status === "awaiting_confirmation") return `${why}the concern is waiting for the parent's confirmation`;
  return `${why}${where}`;
}

/** Whether the actor is an advocate the concern was handed to. */
const isItsAdvocate = (actor: UserActor, concern: Concern) => hasRole(actor, "advocate") && concern.assignedIds.includes(actor.userId);

/** The roles the actor holds on the concern now: its parent, the person it waits on, the advocate it was handed to. */
function rolesNow(actor: UserActor, concern: Concern, isGuardian: boolean): ConcernRole[] {
  const waitingOnThem = concern.stage === "wait" && concern.assignee?.id === actor.userId;
  const onIt = isGuardian || concern.assignedIds.includes(actor.userId) || concern.assignee?.id === actor.userId;
  return [
    ...(isGuardian ? ["guardian" as const] : []),
    ...(waitingOnThem ? ["assignee" as const] : []),
    ...(isItsAdvocate(actor, concern) ? ["advocate" as const] : []),
    ...(onIt ? ["participant" as const] : []),
  ];
}

const roleWords: Record<ConcernRole, string> = {
  guardian: "the student's parent",
  assignee: "the person the concern is with",
  advocate: "the advocate the concern was handed to",
  participant: "the family and the staff on the concern",
};

/**
 * The move `action` makes now (lifecycle.ts), or what the API answers instead: 403 for someone who
 * could never take it, 409 naming the state for an action that does not fit it (including someone
 * who held the concern a moment ago). The caller has already checked the actor may see the concern.
 */
export function checkAction(actor: UserActor, concern: Concern, action: ConcernAction, isGuardian: boolean, lastEventType?: EventType): Move {
  const move = allowedMove(actor, concern, action, isGuardian);
  if (move) return move;
  const held = concern.assignedIds.includes(actor.userId) || concern.assignee?.id === actor.userId;
  const everHeld = (role: ConcernRole) =>
    role === "guardian" ? isGuardian : role === "advocate" ? isItsAdvocate(actor, concern) : role === "participant" ? isGuardian || held : held;
  const may = rolesFor(action);
  if (!may.some(everHeld)) throw new VisibleError(403, "forbidden", `Only ${may.map((role) => roleWords[role]).join(" or ")} can do this`);
  throw new VisibleError(409, "wrong_state", `This cannot be done now: ${stateInWords(concern, lastEventType)}.`);
}

/** The move `action` makes now when the actor may take it, else undefined (checkAction says why). */
function allowedMove(actor: UserActor, concern: Concern, action: ConcernAction, isGuardian: boolean): Move | undefined {
  const move = moveOf(concern.status, action);
  const roles = rolesNow(actor, concern, isGuardian);
  return move?.by.some((role) => roles.includes(role)) ? move : undefined;
}

/** The 409 for an action made against a version of the concern that has changed since (the fidelity form's conflict shape). */
export const staleVersion = (concern: Concern, lastEventType?: EventType) =>
  new VisibleError(409, "conflict", `This concern changed after you opened it: ${stateInWords(concern, lastEventType)}. Review it and act again.`, {
    version: concern.version,
    status: concern.status,
    level: concern.level,
    updatedAt: concern.updatedAt,
  });

/** For each action, whether the actor may take it now: the concern's `can`, which the web's buttons follow. */
export function canFlags(actor: UserActor, concern: Concern, isGuardian: boolean): { [A in ConcernAction as CanFlag<A>]: boolean } {
  // Asked of every action for each view: the answer alone, not the refusal's words (an Error and the state in words each).
  return Object.fromEntries(actions.map((action) => [canFlagOf(action), allowedMove(actor, concern, action, isGuardian) !== undefined])) as {
    [A in ConcernAction as CanFlag<A>]: boolean;
  };
}
