import type { Tables } from "./files";
import { eachRow, oneOf, reference, type OneRoster, type OrgRef } from "./oneroster";
import type { Problems } from "./problems";

/**
 * OneRoster 1.2 roles.csv: a user's roles, one row per role in an organization, `roleType` primary or
 * secondary. Fidelio takes the user's role from the primary row (the one 1.1 put in users.csv) and
 * the user's organizations from every row, primary first.
 */
export const roles12 = [
  "aide",
  "counselor",
  "districtAdministrator",
  "guardian",
  "parent",
  "principal",
  "proctor",
  "relative",
  "siteAdministrator",
  "student",
  "systemAdministrator",
  "teacher",
];
const known12 = new Set(roles12.map((role) => role.toLowerCase()));
const roleTypes = ["primary", "secondary"];

export interface Roles12 {
  /** user sourcedId -> role (lower case) of the user's primary row. */
  primaryOf: Map<string, { role: string; line: number }>;
  orgsOf: Map<string, OrgRef[]>;
  /** Users with a roles.csv row that has problems: reported there, not again in users.csv. */
  failedUsers: Set<string>;
  /** Once users.csv is read: reports rows naming users it does not hold. */
  checkUsers(): void;
}

export function readRoles12(tables: Tables, data: OneRoster, problems: Problems): Roles12 {
  const file = "roles.csv";
  const primaryOf = new Map<string, { role: string; line: number }>();
  const orgsOf = new Map<string, OrgRef[]>();
  const failedUsers = new Set<string>();
  const rows: Array<{ line: number; userSourcedId: string }> = [];
  eachRow(
    tables.get(file),
    data,
    problems,
    ["sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"],
    (row, value) => {
      const userSourcedId = value("userSourcedId");
      const role = value("role").toLowerCase();
      const roleType = value("roleType").toLowerCase();
      const before = problems.count;
      // Extensions (`ext:...`) are allowed by the specification; Fidelio imports none of them.
      if (value("role") && !known12.has(role) && !role.startsWith("ext:")) problems.add(file, row.line, "role", "one_of", oneOf(roles12));
      if (value("roleType") && !roleTypes.includes(roleType)) problems.add(file, row.line, "roleType", "one_of", oneOf(roleTypes));
      const primary = primaryOf.get(userSourcedId);
      if (roleType === "primary" && primary) {
        problems.add(file, row.line, "roleType", "two_primary_roles", { sourcedId: userSourcedId, line: primary.line });
      }
      if (problems.count > before || !userSourcedId || !value("role") || !value("orgSourcedId") || !roleType) {
        if (userSourcedId) failedUsers.add(userSourcedId);
        return undefined;
      }
      return () => {
        rows.push({ line: row.line, userSourcedId });
        const ref = { sourcedId: value("orgSourcedId"), file, line: row.line, field: "orgSourcedId" };
        const refs = orgsOf.get(userSourcedId) ?? [];
        if (roleType === "primary") {
          primaryOf.set(userSourcedId, { role, line: row.line });
          refs.unshift(ref);
        } else refs.push(ref);
        orgsOf.set(userSourcedId, refs);
      };
    },
    { counted: false },
  );
  return {
    primaryOf,
    orgsOf,
    failedUsers,
    checkUsers() {
      for (const row of rows) reference(data, problems, "user", row.userSourcedId, file, row.line, "userSourcedId");
    },
  };
}
