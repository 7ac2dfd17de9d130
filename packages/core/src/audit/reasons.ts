/**
 * Why a record was read or written, as stored in the audit trail. No AWS imports: the web app keys
 * its translations on these very strings, so the two cannot drift apart.
 */
export const auditReasons = {
  guardian: "Parent or guardian of the student",
  teacher: "Teacher on the student's service team",
  case_manager: "Case manager for the student",
  director: "Special-education director of the district",
  district_admin: "District administrator",
  districtList: "District-wide student list",
  rosterImport: "Roster import by district administrator",
} as const;

/**
 * Entries that only saw a student in a list (name, grade, school; for a teacher's classes also the
 * accommodations that apply there). Every other action opened or changed the record itself.
 */
export const listActions = ["student.list", "student.class-list"] as const;
export const auditKinds = ["opened", "listed"] as const;
export type AuditKind = (typeof auditKinds)[number];
