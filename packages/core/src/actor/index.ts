import * as v from "valibot";
import { Language } from "../user/schema";

export const roles = ["district_admin", "director", "case_manager", "teacher", "parent", "advocate"] as const;
export const Role = v.picklist(roles);
export type Role = v.InferOutput<typeof Role>;

/** A person acting: built only by `User.toActor` from their current user item, never from a body. */
export const UserActor = v.object({
  kind: v.literal("user"),
  userId: v.string(),
  email: v.string(),
  name: v.string(),
  districtId: v.string(),
  roles: v.array(Role),
  /** The language the person chose, when they chose one (see User.setLanguage). */
  language: v.optional(Language),
});
export type UserActor = v.InferOutput<typeof UserActor>;

/**
 * Why Fidelio itself acted. Stored as a code and translated where it is shown ("Fidelio (deadline
 * passed)"), so the trail keeps reading right when the wording changes.
 */
export const systemReasons = ["deadline_passed", "no_reply", "workflow", "schedule", "roster_import", "seed", "email_feedback"] as const;
export const SystemReason = v.picklist(systemReasons);
export type SystemReason = v.InferOutput<typeof SystemReason>;

/** Fidelio acting on its own: the escalation workflow, a schedule, an import running in the background. */
export const SystemActor = v.object({ kind: v.literal("system"), reason: SystemReason, districtId: v.string() });
export type SystemActor = v.InferOutput<typeof SystemActor>;

/** Who is acting: a person or the system. Timelines and the audit trail take either. */
export const Actor = Object.assign(v.variant("kind", [UserActor, SystemActor]), {
  system: (reason: SystemReason, districtId: string): SystemActor => ({ kind: "system", reason, districtId }),
});
export type Actor = UserActor | SystemActor;

export const hasRole = (actor: UserActor, ...wanted: Role[]) => actor.roles.some((role) => wanted.includes(role));
