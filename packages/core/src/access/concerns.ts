import { hasRole, type Role, type UserActor } from "../actor";
import type { AuditReason } from "../audit/reasons";
import { levels } from "../concern/lifecycle";
import type { StudentRecord } from "../student/items";
import type { RelationshipKind } from "../student/schema";
import { relationshipGrant } from "./relationships";

/** What a concern tells about who may see it. */
export interface ConcernSeen {
  districtId: string;
  /** Everyone the concern was ever assigned or handed to. */
  assignedIds: readonly string[];
}

interface Way {
  by: "district" | "assignment" | RelationshipKind;
  roles: readonly Role[];
  reason: AuditReason;
  /** Whether this way also opens the concern's evidence packet. */
  packet: boolean;
}

/** Through a link to the student: held in the role its kind gives, named in the audit trail as that kind. */
const linked = (kind: RelationshipKind) => ({ by: kind, roles: [relationshipGrant[kind].role], reason: relationshipGrant[kind].reason });

/**
 * The ways a person comes to see a concern, in order: the first that holds is the reason written to
 * the audit trail, wherever the concern is seen (its page, the lists, what waits on the reader, the
 * board, the packet).
 * - The family: a parent linked to the student as guardian.
 * - The special-education director, for every concern of their own district. This comes before the
 *   assignment so every view names the same reason: the board and the district's list know the
 *   district of a concern, not everyone it was ever assigned to.
 * - Anyone the concern was ever assigned or handed to, while they hold a role a level is given to (a
 *   person whose roles the roster ended stops seeing it).
 * - The student's case manager, through the caseload: the concern, but not its evidence packet.
 * A teacher sees a concern only once it is assigned to them; the district administrator sees none.
 */
const concernSight: readonly Way[] = [
  { ...linked("guardian"), packet: true },
  { by: "district", roles: ["director"], reason: "director", packet: true },
  // Each level of the ladder is held by the role of its name.
  { by: "assignment", roles: levels, reason: "assigned_concern", packet: true },
  { ...linked("case_manager"), packet: false },
];

const holds = (way: Way, actor: UserActor, concern: ConcernSeen, ties: readonly RelationshipKind[]) =>
  way.by === "district"
    ? concern.districtId === actor.districtId
    : way.by === "assignment"
      ? concern.assignedIds.includes(actor.userId)
      : ties.includes(way.by);

/** The kinds of the actor's own links to the student of `record`. */
export const tiesTo = (actor: UserActor, record: StudentRecord | undefined): RelationshipKind[] =>
  record?.relationships.filter((r) => r.userId === actor.userId).map((r) => r.kind) ?? [];

/**
 * Why `actor` may see `concern`: the audit reason, or nothing (then 404). `ties` are the kinds of the
 * actor's links to the concern's student (`tiesTo`, or the actor's relationship items).
 */
export const concernReason = (actor: UserActor, concern: ConcernSeen, ties: readonly RelationshipKind[]): AuditReason | undefined =>
  concernSight.find((way) => hasRole(actor, ...way.roles) && holds(way, actor, concern, ties))?.reason;

/** The kinds of link to a student that can let this actor see a concern; none: their links need not be read. */
export const concernTies = (actor: UserActor): RelationshipKind[] =>
  concernSight.flatMap((way) => (way.by !== "district" && way.by !== "assignment" && hasRole(actor, ...way.roles) ? [way.by] : []));

/** Whether the actor sees every concern of their district (a list then reads the district's index). */
export const seesDistrictConcerns = (actor: UserActor) => concernSight.some((way) => way.by === "district" && hasRole(actor, ...way.roles));

/** Whether someone who sees a concern for `reason` may also read its evidence packet. */
export const opensPacket = (reason: AuditReason) => concernSight.some((way) => way.reason === reason && way.packet);
