import type { Row, Table, Tables } from "./files";
import type { Problems } from "./problems";

/** The OneRoster 1.1 records Fidelio reads, as they stand in the files after structural checks. */
export interface Org {
  sourcedId: string;
  line: number;
  name: string;
  type: string;
}
export interface OneRosterUser {
  sourcedId: string;
  line: number;
  role: string;
  givenName: string;
  familyName: string;
  email: string;
  orgSourcedIds: string[];
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
  userSourcedId: string;
  role: string;
}

export interface OneRoster {
  orgs: Map<string, Org>;
  users: Map<string, OneRosterUser>;
  classes: Map<string, Class>;
  enrollments: Enrollment[];
  /** sourcedIds whose rows say `tobedeleted`: references to them are dropped, not errors. */
  deleted: Set<string>;
  /** users.csv rows marked `tobedeleted`: every role the roster gave them ends. */
  deletedUsers: Set<string>;
  skipped: number;
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

const oneOf = (values: string[]) => `One of: ${values.join(", ")}`;

/**
 * Walks one file's rows: skips `tobedeleted` rows (counted) and repeated sourcedIds (reported),
 * reports empty required fields, and hands each remaining row to `read`.
 */
function eachRow(
  table: Table | undefined,
  data: OneRoster,
  problems: Problems,
  required: string[],
  read: (row: Row, value: (field: string) => string) => void,
  deleted: Set<string> = data.deleted,
) {
  const seen = new Set<string>();
  for (const row of table?.rows ?? []) {
    const value = (field: string) => row.values.get(field) ?? "";
    const status = value("status").toLowerCase();
    const sourcedId = value("sourcedId");
    if (sourcedId && seen.has(sourcedId)) {
      problems.add(table!.file, row.line, "sourcedId", `Duplicate sourcedId ${sourcedId}`);
      continue;
    }
    seen.add(sourcedId);
    if (status === "tobedeleted") {
      data.skipped += 1;
      if (sourcedId) {
        data.deleted.add(sourcedId);
        deleted.add(sourcedId);
      }
      continue;
    }
    if (status !== "" && status !== "active") problems.add(table!.file, row.line, "status", oneOf(["active", "tobedeleted"]));
    const missing = required.filter((field) => value(field) === "" && !table!.missingColumns.includes(field));
    for (const field of missing) problems.add(table!.file, row.line, field, "Required");
    if (missing.length === 0) read(row, value);
  }
}

export function readOneRoster(tables: Tables, problems: Problems): OneRoster {
  const data: OneRoster = { orgs: new Map(), users: new Map(), classes: new Map(), enrollments: [], deleted: new Set(), deletedUsers: new Set(), skipped: 0 };

  eachRow(tables.get("orgs.csv"), data, problems, ["sourcedId", "name", "type"], (row, value) => {
    const type = value("type").toLowerCase();
    if (!orgTypes.includes(type)) problems.add("orgs.csv", row.line, "type", oneOf(orgTypes));
    else data.orgs.set(value("sourcedId"), { sourcedId: value("sourcedId"), line: row.line, name: value("name"), type });
  });

  eachRow(tables.get("users.csv"), data, problems, ["sourcedId", "role", "givenName", "familyName"], (row, value) => {
    const role = value("role").toLowerCase();
    if (!userRoles.includes(role)) return problems.add("users.csv", row.line, "role", oneOf(userRoles));
    data.users.set(value("sourcedId"), {
      sourcedId: value("sourcedId"),
      line: row.line,
      role,
      givenName: value("givenName"),
      familyName: value("familyName"),
      email: value("email"),
      orgSourcedIds: list(value("orgSourcedIds")),
      agentSourcedIds: list(value("agentSourcedIds")),
      grades: list(value("grades")),
    });
  }, data.deletedUsers);

  eachRow(tables.get("classes.csv"), data, problems, ["sourcedId", "title", "schoolSourcedId"], (row, value) => {
    data.classes.set(value("sourcedId"), { sourcedId: value("sourcedId"), line: row.line, title: value("title"), schoolSourcedId: value("schoolSourcedId") });
  });

  eachRow(tables.get("enrollments.csv"), data, problems, ["sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"], (row, value) => {
    const role = value("role").toLowerCase();
    if (!enrollmentRoles.includes(role)) return problems.add("enrollments.csv", row.line, "role", oneOf(enrollmentRoles));
    if (!known(data, "org", value("schoolSourcedId"))) problems.add("enrollments.csv", row.line, "schoolSourcedId", unknown(value("schoolSourcedId")));
    data.enrollments.push({ line: row.line, classSourcedId: value("classSourcedId"), userSourcedId: value("userSourcedId"), role });
  });

  checkReferences(data, problems);
  return data;
}

export const unknown = (sourcedId: string) => `Unknown sourcedId ${sourcedId}`;

/** True when the sourcedId is in the files (deleted ones count: links to them are quietly dropped). */
export function known(data: OneRoster, kind: "org" | "user" | "class", sourcedId: string) {
  const map = kind === "org" ? data.orgs : kind === "user" ? data.users : data.classes;
  return map.has(sourcedId) || data.deleted.has(sourcedId);
}

function checkReferences(data: OneRoster, problems: Problems) {
  for (const user of data.users.values()) {
    for (const org of user.orgSourcedIds) {
      if (!known(data, "org", org)) problems.add("users.csv", user.line, "orgSourcedIds", unknown(org));
    }
    for (const agent of user.agentSourcedIds) {
      if (!known(data, "user", agent)) problems.add("users.csv", user.line, "agentSourcedIds", unknown(agent));
    }
    if (user.orgSourcedIds.length === 0) problems.add("users.csv", user.line, "orgSourcedIds", "Required");
  }
  for (const cls of data.classes.values()) {
    const school = data.orgs.get(cls.schoolSourcedId);
    if (!known(data, "org", cls.schoolSourcedId)) problems.add("classes.csv", cls.line, "schoolSourcedId", unknown(cls.schoolSourcedId));
    else if (school && school.type !== "school") problems.add("classes.csv", cls.line, "schoolSourcedId", `${cls.schoolSourcedId} is not a school`);
  }
  for (const enrollment of data.enrollments) {
    const user = data.users.get(enrollment.userSourcedId);
    if (!known(data, "class", enrollment.classSourcedId)) problems.add("enrollments.csv", enrollment.line, "classSourcedId", unknown(enrollment.classSourcedId));
    if (!known(data, "user", enrollment.userSourcedId)) problems.add("enrollments.csv", enrollment.line, "userSourcedId", unknown(enrollment.userSourcedId));
    else if (user && (enrollment.role === "student") !== (user.role === "student")) {
      problems.add("enrollments.csv", enrollment.line, "role", `${enrollment.role} does not match the user's role ${user.role}`);
    }
  }
}
