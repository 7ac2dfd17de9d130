import type { systemReasons } from "../actor";

/**
 * Why a record was read or written, stored in the audit trail as a stable code and translated where
 * it is shown, so an entry keeps reading right when the wording changes. No AWS imports: the web keys
 * its translations on these codes. Fidelio's own reasons (`systemReasons`) are audit reasons too.
 */
export const personReasons = [
  "guardian",
  "teacher",
  "case_manager",
  "director",
  "district_admin",
  "district_list",
  "roster_import",
  "assigned_concern",
] as const;
export type AuditReason = (typeof personReasons)[number] | (typeof systemReasons)[number];

/**
 * Entries written before reasons were codes hold the English sentence of the time; each maps to
 * its code when read. Append here, never edit: stored entries hold these exact strings.
 */
const legacyReasons: Record<string, AuditReason> = {
  "Parent or guardian of the student": "guardian",
  "Teacher on the student's service team": "teacher",
  "Case manager for the student": "case_manager",
  "Special-education director of the district": "director",
  "District administrator": "district_admin",
  "District-wide student list": "district_list",
  "Roster import by district administrator": "roster_import",
};

/** The code for a stored reason, old wording or new; an unknown reason is passed through as stored. */
export const reasonCode = (stored: string): string => (Object.hasOwn(legacyReasons, stored) ? legacyReasons[stored]! : stored);

/**
 * Entries that only saw a student in a list (name, grade, school; for a teacher's classes also the
 * accommodations that apply there) or counted in a report (the director's patterns, which name no
 * student). Every other action opened or changed the record itself.
 */
export const listActions = ["student.list", "student.class-list", "concern.list", "fidelity.form-list", "patterns.report"] as const;
export const auditKinds = ["opened", "listed"] as const;
export type AuditKind = (typeof auditKinds)[number];
