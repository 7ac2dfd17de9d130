import type { Row, Table, Tables } from "./files";
import type { Problems } from "./problems";
import { readRoles12, type Roles12 } from "./roles-csv";

/** The OneRoster records Fidelio reads (1.1 or 1.2), as they stand in the files after structural checks. */
export interface Org {
  sourcedId: string;
  line: number;
  name: string;
  type: string;
}
/** Where a user names an organization: users.csv in 1.1, a roles.csv row in 1.2. */
export interface OrgRef {
  sourcedId: string;
  file: string;
  line: number;
  field: string;
}
export interface OneRosterUser {
  sourcedId: string;
  line: number;
  /** Lower case; in 1.2 the role of the user's primary row in roles.csv. */
  role: string;
  givenName: string;
  familyName: string;
  email: string;
  orgSourcedIds: string[];
  orgRefs: OrgRef[];
  agentSourcedIds: string[];
  grades: string[];
}
export interface Class {
  sourcedId: string;
  line: number;
  title: string;
  schoolSourcedId: string;
}
export interface Enrollment {
  line: number;
  classSourcedId: string;
  schoolSourcedId: string;
  userSourcedId: string;
  role: string;
}

export type Kind = "org" | "user" | "class";

export interface OneRoster {
  orgs: Map<string, Org>;
  users: Map<string, OneRosterUser>;
  classes: Map<string, Class>;
  enrollments: Enrollment[];
  /** sourcedIds whose rows say `tobedeleted`: references to them are dropped, not errors. */
  deleted: Set<string>;
  /** sourcedIds whose rows have problems of their own: a reference to them is not reported again. */
  failed: Set<string>;
  /** Kinds whose file is missing or lost rows to syntax errors: references to them cannot be checked. */
  unchecked: Set<Kind>;
  /** users.csv rows marked `tobedeleted`: every role the roster gave them ends. */
  deletedUsers: Set<string>;
  skipped: number;
  /** A 1.2 set: roles come from roles.csv. */
  roles12?: boolean;
  /** Kinds whose file is a delta (or absent): a reference to a record it does not list is skipped with a warning, not refused. */
  partial: Set<Kind>;
}

const orgTypes = ["department", "district", "local", "national", "school", "state"];
export const userRoles = ["administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"];
const enrollmentRoles = ["administrator", "aide", "proctor", "student", "teacher"];
export const guardianRoles = ["guardian", "parent", "relative"];

export const list = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

export const oneOf = (values: string[]) => ({ values: values.join(", ") });

/**
 * Walks one file's rows: skips `tobedeleted` rows (counted) and repeated sourcedIds (reported),
 * reports empty required fields, and hands each remaining row to `read`, which reports what else is
 * wrong and returns how to keep the record. A row with any problem is not kept: its sourcedId is
 * marked failed, so the rows that refer to it do not add "Unknown sourcedId" on top.
 */
export function eachRow(
  table: Table | undefined,
  data: OneRoster,
  problems: Problems,
  required: string[],
  read: (row: Row, value: (field: string) => string) => (() => void) | undefined,
  options: { deleted?: Set<string>; counted?: boolean } = {},
) {
  const seen = new Set<string>();
  for (const row of table?.rows ?? []) {
    const value = (field: string) => row.values.get(field) ?? "";
    const status = value("status").toLowerCase();
    const sourcedId = value("sourcedId");
    if (sourcedId && seen.has(sourcedId)) {
      problems.add(table!.file, row.line, "sourcedId", "duplicate_id", { sourcedId });
      continue;
    }
    seen.add(sourcedId);
    if (status === "tobedeleted") {
      if (options.counted !== false) data.skipped += 1;
      if (sourcedId) {
        data.deleted.add(sourcedId);
        options.deleted?.add(sourcedId);
      }
      continue;
    }
    const before = problems.count;
    if (status !== "" && status !== "active") problems.add(table!.file, row.line, "status", "one_of", oneOf(["active", "tobedeleted"]));
    for (const field of required) {
      if (value(field) === "" && !table!.missingColumns.includes(field)) problems.add(table!.file, row.line, field, "required");
    }
    const keep = read(row, value);
    if (keep && problems.count === before) keep();
    else if (sourcedId) data.failed.add(sourcedId);
  }
}

export function readOneRoster(tables: Tables, problems: Problems): OneRoster {
  const data: OneRoster = {
    orgs: new Map(),
    users: new Map(),
    classes: new Map(),
    enrollments: [],
    deleted: new Set(),
    failed: new Set(),
    unchecked: new Set(),
    deletedUsers: new Set(),
    skipped: 0,
    partial: new Set(),
  };
  if (tables.modeOf("orgs.csv") !== "bulk") data.partial.add("org");
  if (tables.modeOf("users.csv") !== "bulk") data.partial.add("user");
  if (tables.modeOf("classes.csv") !== "bulk") data.partial.add("class");
  if (tables.unreadable.has("orgs.csv")) data.unchecked.add("org");
  if (tables.unreadable.has("users.csv")) data.unchecked.add("user");
  if (tables.unreadable.has("classes.csv")) data.unchecked.add("class");

  eachRow(tables.get("orgs.csv"), data, problems, ["sourcedId", "name", "type"], (row, value) => {
    const type = value("type").toLowerCase();
    if (value("type") && !orgTypes.includes(type)) problems.add("orgs.csv", row.line, "type", "one_of", oneOf(orgTypes));
    return () => data.orgs.set(value("sourcedId"), { sourcedId: value("sourcedId"), line: row.line, name: value("name"), type });
  });

  const roles12: Roles12 | undefined = tables.version === "1.2" ? readRoles12(tables, data, problems) : undefined;
  data.roles12 = Boolean(roles12);
  const userRequired = roles12 ? ["sourcedId", "givenName", "familyName"] : ["sourcedId", "role", "givenName", "familyName"];
  eachRow(
    tables.get("users.csv"),
    data,
    problems,
    userRequired,
    (row, value) => {
      const sourcedId = value("sourcedId");
      let role = value("role").toLowerCase();
      let orgRefs: OrgRef[] = list(value("orgSourcedIds")).map((org) => ({ sourcedId: org, file: "users.csv", line: row.line, field: "orgSourcedIds" }));
      if (roles12) {
        const primary = roles12.primaryOf.get(sourcedId);
        if (!primary) {
          // A user whose roles.csv rows have problems of their own is reported there only.
          if (!roles12.failedUsers.has(sourcedId) && !tables.unreadable.has("roles.csv"))
            problems.add("users.csv", row.line, "sourcedId", "no_primary_role", { sourcedId });
          return undefined;
        }
        role = primary.role;
        orgRefs = roles12.orgsOf.get(sourcedId) ?? [];
      } else if (value("role") && !userRoles.includes(role)) {
        problems.add("users.csv", row.line, "role", "one_of", oneOf(userRoles));
      }
      return () =>
        data.users.set(sourcedId, {
          sourcedId,
          line: row.line,
          role,
          givenName: value("givenName"),
          familyName: value("familyName"),
          email: value("email"),
          orgSourcedIds: orgRefs.map((ref) => ref.sourcedId),
          orgRefs,
          agentSourcedIds: list(value("agentSourcedIds")),
          grades: list(value("grades")),
        });
    },
    { deleted: data.deletedUsers },
  );
  roles12?.checkUsers();

  eachRow(tables.get("classes.csv"), data, problems, ["sourcedId", "title", "schoolSourcedId"], (row, value) => () => {
    data.classes.set(value("sourcedId"), { sourcedId: value("sourcedId"), line: row.line, title: value("title"), schoolSourcedId: value("schoolSourcedId") });
  });

  eachRow(tables.get("enrollments.csv"), data, problems, ["sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"], (row, value) => {
    const role = value("role").toLowerCase();
    if (value("role") && !enrollmentRoles.includes(role)) problems.add("enrollments.csv", row.line, "role", "one_of", oneOf(enrollmentRoles));
    if (value("schoolSourcedId")) reference(data, problems, "org", value("schoolSourcedId"), "enrollments.csv", row.line, "schoolSourcedId");
    return () =>
      data.enrollments.push({
        line: row.line,
        classSourcedId: value("classSourcedId"),
        schoolSourcedId: value("schoolSourcedId"),
        userSourcedId: value("userSourcedId"),
        role,
      });
  });

  checkReferences(data, problems);
  return data;
}

/** True when the sourcedId is in the files, or cannot be judged: deleted (links to it are dropped), failed, or its file unreadable. */
export function known(data: OneRoster, kind: Kind, sourcedId: string) {
  const map = kind === "org" ? data.orgs : kind === "user" ? data.users : data.classes;
  return map.has(sourcedId) || data.deleted.has(sourcedId) || data.failed.has(sourcedId) || data.unchecked.has(kind);
}

/** Reports a reference to a record the files do not hold; true when it is known. */
export function reference(data: OneRoster, problems: Problems, kind: Kind, sourcedId: string, file: string, line: number, field: string) {
  if (known(data, kind, sourcedId)) return true;
  // A delta lists only what changed: the record may well exist, Fidelio just cannot see it in this upload.
  if (data.partial.has(kind)) problems.warn(file, line, field, "not_in_upload", { kind, sourcedId });
  else problems.add(file, line, field, "unknown_reference", { kind, sourcedId });
  return false;
}

function checkReferences(data: OneRoster, problems: Problems) {
  for (const user of data.users.values()) {
    for (const ref of user.orgRefs) reference(data, problems, "org", ref.sourcedId, ref.file, ref.line, ref.field);
    for (const agent of user.agentSourcedIds) reference(data, problems, "user", agent, "users.csv", user.line, "agentSourcedIds");
    if (user.orgRefs.length === 0) problems.add("users.csv", user.line, "orgSourcedIds", "required");
  }
  for (const cls of data.classes.values()) {
    const school = data.orgs.get(cls.schoolSourcedId);
    if (!reference(data, problems, "org", cls.schoolSourcedId, "classes.csv", cls.line, "schoolSourcedId")) continue;
    if (school && school.type !== "school") problems.add("classes.csv", cls.line, "schoolSourcedId", "not_a_school", { sourcedId: cls.schoolSourcedId });
  }
  const mismatched = new Set<Enrollment>();
  for (const enrollment of data.enrollments) {
    const user = data.users.get(enrollment.userSourcedId);
    reference(data, problems, "class", enrollment.classSourcedId, "enrollments.csv", enrollment.line, "classSourcedId");
    if (!reference(data, problems, "user", enrollment.userSourcedId, "enrollments.csv", enrollment.line, "userSourcedId")) continue;
    // OneRoster does not tie an enrollment's role to the user's: a teacher enrolled as a student (a
    // training class, say) is a warning, and that enrollment alone is skipped.
    if (user && (enrollment.role === "student") !== (user.role === "student")) {
      problems.warn("enrollments.csv", enrollment.line, "role", "enrollment_role_skipped", { role: enrollment.role, userRole: user.role });
      mismatched.add(enrollment);
    }
  }
  if (mismatched.size > 0) data.enrollments = data.enrollments.filter((e) => !mismatched.has(e));
}
