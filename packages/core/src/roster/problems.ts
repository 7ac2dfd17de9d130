/**
 * Roster problems travel as stable codes with parameters: the web translates the code (English and
 * Spanish, web/src/i18n-roster.ts); `message` is the English text, kept for scripts and logs.
 * A code is never renamed or given other parameters: add a new one instead.
 */
export const problemMessages = {
  // Files
  missing_file: "Missing file",
  unknown_file: "Not a file Fidelio reads (see the roster CSV guide for the file names)",
  duplicate_file: "This file was uploaded more than once",
  bad_zip: "This zip file cannot be read",
  not_utf8: "The file is not UTF-8 text",
  empty_file: "The file is empty; it needs a header row",
  not_a_roster_file: "Not a CSV or ZIP file: export the roster from your SIS as OneRoster CSV",
  version_file: "Not part of OneRoster {version}, the version manifest.csv declares (without manifest.csv, 1.1)",
  unsupported_version: "Fidelio reads OneRoster 1.1 and 1.2; manifest.csv says {version}",
  // CSV syntax
  missing_column: "Missing column",
  bad_quote: "A quoted field opens here and is not closed properly ({detail})",
  field_count: "Expected {expected} fields as in the header, found {found}",
  // Values
  required: "Required",
  one_of: "One of: {values}",
  too_long: "At most {max} characters",
  name_too_long: "givenName and familyName together are too long (at most {max} characters)",
  control_characters: "A line break or other control character in a name; the row is not imported",
  bad_date: "A date as YYYY-MM-DD",
  minutes_format: "Whole minutes per week, e.g. 60",
  required_for_service: "Required for a service",
  required_for_goal: "Required for a goal",
  invalid_value: "{message}",
  // Identity and references
  duplicate_id: "Duplicate sourcedId {sourcedId}",
  unknown_reference: "Unknown sourcedId {sourcedId}",
  not_a_school: "{sourcedId} is not a school",
  not_a_student: "{sourcedId} is not a student",
  not_a_guardian: "{sourcedId} is not a guardian, parent or relative",
  role_mismatch: "{role} does not match the user's role {userRole}",
  student_needs_school: "A student needs a school among orgSourcedIds",
  student_role_forbidden: "A student cannot hold a Fidelio role",
  no_case_manager_role: "{sourcedId} has no case_manager role in fidelio_roles.csv",
  two_primary_roles: "{sourcedId} already has a primary role, on line {line}",
  no_primary_role: "{sourcedId} has no primary role in roles.csv",
  class_limit_not_accommodation: "Only accommodations can be limited to classes",
  duplicate_item: "Duplicate itemId {itemId} for student {studentSourcedId}",
  effective_from_differs: "Every row of a student needs the same effectiveFrom ({effectiveFrom} on line {line})",
  // Accounts
  email_required: "Required: staff and guardians sign in with their email",
  email_invalid: "Not a valid email address",
  email_shared: "{email} is also the email of {sourcedId}; each person needs their own",
  email_taken: "{email} already belongs to another Fidelio account",
  // Manifest (OneRoster file modes)
  bad_file_mode: "file.{file} is {mode}; one of: bulk, delta, absent",
  absent_but_sent: "manifest.csv marks this file absent, but it was uploaded",
  // Warnings: the row or link is skipped (or read as said) and the plan lists it; they never stop an import
  enrollment_role_skipped: "The enrollment role {role} does not match the user's role {userRole}; this enrollment is skipped",
  guardian_link_skipped: "{sourcedId} is not a guardian, parent or relative; this link is skipped",
  student_link_skipped: "{sourcedId} is not a student; this link is skipped",
  school_from_enrollment: "No school among orgSourcedIds; the school {sourcedId} of the student's enrollments is used",
  no_email_not_imported: "No email: this person cannot sign in, and is not imported until the roster gives an email",
  no_email_cannot_sign_in: "No email: {name} is imported, and is unable to sign in until an email arrives (an import that gives one)",
  not_in_upload: "{sourcedId} is not in this upload (its file is a delta); this row is skipped",
} as const;

export type ProblemCode = keyof typeof problemMessages;
export type ProblemParams = Record<string, string | number>;

/** One thing wrong with the uploaded roster; `line` counts the header as line 1 (0: the file as a whole). */
export interface RosterProblem {
  file: string;
  line: number;
  field: string;
  code: ProblemCode;
  params: ProblemParams;
  /** English, for scripts; the web shows its own translation of `code`. */
  message: string;
}

export const problemMessage = (code: ProblemCode, params: ProblemParams = {}) =>
  problemMessages[code].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));

/**
 * Collects every problem so the administrator can fix the whole roster in one pass. A problem (`add`)
 * blocks the import: the file cannot be read safely. A warning (`warn`) does not: the row or link it
 * names is skipped (or read as the message says), and the plan lists it by file and line for the
 * administrator to see before confirming. A new check that need not sink an import calls `warn`.
 */
export class Problems {
  readonly list: RosterProblem[] = [];
  readonly warnings: RosterProblem[] = [];

  add(file: string, line: number, field: string, code: ProblemCode, params: ProblemParams = {}) {
    this.list.push({ file, line, field, code, params, message: problemMessage(code, params) });
  }

  warn(file: string, line: number, field: string, code: ProblemCode, params: ProblemParams = {}) {
    this.warnings.push({ file, line, field, code, params, message: problemMessage(code, params) });
  }

  /** Warnings in file and line order. */
  sortedWarnings() {
    return [...this.warnings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  }

  get count() {
    return this.list.length;
  }
}
