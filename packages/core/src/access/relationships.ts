import type { Role } from "../actor";
import type { AuditReason } from "../audit/reasons";
import type { RelationshipKind } from "../student/schema";

/**
 * What each kind of link to a student gives: the role it is held in (a link counts only while the
 * person still holds that role) and the reason written to the audit trail when it is used.
 */
export const relationshipGrant = {
  guardian: { role: "parent", reason: "guardian" },
  teacher: { role: "teacher", reason: "teacher" },
  case_manager: { role: "case_manager", reason: "case_manager" },
} as const satisfies Record<RelationshipKind, { role: Role; reason: AuditReason }>;
