import * as v from "valibot";
import { roles as allRoles, type Role } from "../actor";
import type { RelationshipKind } from "../student/schema";
import { Email } from "../user";
import { fidelioRoles, type FidelioExtras, type ImportedIep } from "./fidelio";
import { guardianRoles, type OneRoster, type OneRosterUser } from "./oneroster";
import type { Problems } from "./problems";
import type { FileMode, RosterFileName } from "./files";

/** A person who signs in to Fidelio: staff, guardians, advocates. */
export interface ImportedPerson {
  sourcedId: string;
  line: number;
  name: string;
  /** None when the roster gives none: the person is imported, and cannot sign in until an import gives one. */
  email?: string;
  roles: Role[];
  schoolSourcedIds: string[];
}

export interface ImportedStudent {
  sourcedId: string;
  line: number;
  firstName: string;
  lastName: string;
  grade: string;
  schoolSourcedId: string;
}

export interface ImportedLink {
  userSourcedId: string;
  kind: RelationshipKind;
  classes: Array<{ id: string; title: string }>;
}

/** The roster as Fidelio sees it, in sourcedIds; ids of our own are assigned later. */
export interface RosterModel {
  districtOrgs: string[];
  schools: Array<{ sourcedId: string; name: string }>;
  people: Map<string, ImportedPerson>;
  students: Map<string, ImportedStudent>;
  /** student sourcedId -> user sourcedId -> the one relationship between them. */
  links: Map<string, Map<string, ImportedLink>>;
  ieps: Map<string, ImportedIep>;
  /** Link kinds this import lists in full: a stored link of such a kind that it omits has ended. */
  completeKinds: RelationshipKind[];
  /** Roles this import grants or withholds for everyone (see roles.ts). */
  rolesSpokenFor: Role[];
  /** users.csv sourcedIds marked `tobedeleted`. */
  deletedUsers: Set<string>;
  skipped: number;
}

/** One relationship item per student and person: a guardian link outranks a case manager's, which outranks a teacher's. */
const rank: Record<RelationshipKind, number> = { guardian: 3, case_manager: 2, teacher: 1 };

export function buildModel(data: OneRoster, extras: FidelioExtras, problems: Problems, modeOf: (file: RosterFileName) => FileMode = () => "bulk"): RosterModel {
  const schoolsOf = (user: OneRosterUser) => user.orgSourcedIds.filter((id) => data.orgs.get(id)?.type === "school");
  // A student whose organizations name no school is placed in the school their enrollments name.
  const enrollmentSchool = new Map<string, string>();
  for (const e of data.enrollments) {
    if (data.orgs.get(e.schoolSourcedId)?.type === "school" && !enrollmentSchool.has(e.userSourcedId)) enrollmentSchool.set(e.userSourcedId, e.schoolSourcedId);
  }
  const teaching = new Set(data.enrollments.filter((e) => e.role === "teacher").map((e) => e.userSourcedId));

  const people = new Map<string, ImportedPerson>();
  const students = new Map<string, ImportedStudent>();
  const emails = new Map<string, string>();
  for (const user of data.users.values()) {
    if (skippedForControlCharacters(user, problems)) continue;
    if (user.role === "student") {
      // An org that failed its own checks may have been the school: that is reported in orgs.csv only.
      const orgsChecked = user.orgSourcedIds.every((id) => data.orgs.has(id) || data.deleted.has(id));
      let school = schoolsOf(user)[0];
      if (!school && orgsChecked && enrollmentSchool.has(user.sourcedId)) {
        school = enrollmentSchool.get(user.sourcedId)!;
        const ref = user.orgRefs[0];
        problems.warn(ref?.file ?? "users.csv", ref?.line ?? user.line, ref?.field ?? "orgSourcedIds", "school_from_enrollment", { sourcedId: school });
      }
      const student = readStudent(user, school, orgsChecked ? problems : undefined);
      if (student) students.set(user.sourcedId, student);
      continue;
    }
    const given = new Set<Role>(extras.roles.get(user.sourcedId));
    if (user.role === "teacher" || teaching.has(user.sourcedId)) given.add("teacher");
    if (guardianRoles.includes(user.role)) given.add("parent");
    if (given.size === 0) continue;
    // Staff and guardians sign in with their email. Without one the person is imported all the same
    // (their links and duties hold), and the plan says they cannot sign in yet (stored.ts, resolveIds).
    const givenEmail = user.email.trim();
    const email = givenEmail ? v.safeParse(Email, givenEmail) : undefined;
    if (email && !email.success) {
      problems.add("users.csv", user.line, "email", "email_invalid");
      continue;
    }
    const name = `${user.givenName} ${user.familyName}`;
    if (name.length > 120) problems.add("users.csv", user.line, "givenName", "name_too_long", { max: 120 });
    if (email) {
      const other = emails.get(email.output);
      if (other) problems.add("users.csv", user.line, "email", "email_shared", { email: email.output, sourcedId: other });
      emails.set(email.output, user.sourcedId);
    }
    people.set(user.sourcedId, {
      sourcedId: user.sourcedId,
      line: user.line,
      name,
      ...(email && { email: email.output }),
      roles: allRoles.filter((role) => given.has(role)),
      schoolSourcedIds: schoolsOf(user),
    });
  }

  const links = new Map<string, Map<string, ImportedLink>>();
  const link = (studentSourcedId: string, userSourcedId: string, kind: RelationshipKind, classes: ImportedLink["classes"] = []) => {
    if (!students.has(studentSourcedId) || !people.has(userSourcedId)) return;
    const ofStudent = links.get(studentSourcedId) ?? new Map<string, ImportedLink>();
    links.set(studentSourcedId, ofStudent);
    const current = ofStudent.get(userSourcedId);
    const merged = [...(current?.classes ?? []), ...classes.filter((c) => !current?.classes.some((x) => x.id === c.id))];
    const winner = current && rank[current.kind] >= rank[kind] ? current.kind : kind;
    ofStudent.set(userSourcedId, { userSourcedId, kind: winner, classes: merged });
  };

  for (const user of data.users.values()) {
    for (const agent of user.agentSourcedIds) {
      const other = data.users.get(agent);
      if (!other) continue;
      if (user.role === "student" && guardianRoles.includes(other.role)) link(user.sourcedId, agent, "guardian");
      else if (guardianRoles.includes(user.role) && other.role === "student") link(agent, user.sourcedId, "guardian");
      else if (user.role === "student" || guardianRoles.includes(user.role)) {
        // OneRoster agents are not only guardians: a link to anyone else is skipped, and the plan says so.
        problems.warn("users.csv", user.line, "agentSourcedIds", user.role === "student" ? "guardian_link_skipped" : "student_link_skipped", {
          sourcedId: agent,
        });
      }
    }
  }

  for (const { studentSourcedId, caseManagerSourcedId } of extras.caseload) link(studentSourcedId, caseManagerSourcedId, "case_manager");

  const byClass = new Map<string, OneRoster["enrollments"]>();
  for (const e of data.enrollments) (byClass.get(e.classSourcedId) ?? byClass.set(e.classSourcedId, []).get(e.classSourcedId)!).push(e);
  const sortedClasses = [...data.classes.values()].sort((a, b) => a.title.localeCompare(b.title) || a.sourcedId.localeCompare(b.sourcedId));
  for (const cls of sortedClasses) {
    const enrolled = byClass.get(cls.sourcedId) ?? [];
    const teachers = enrolled.filter((e) => e.role === "teacher").map((e) => e.userSourcedId);
    for (const { userSourcedId: studentSourcedId } of enrolled.filter((e) => e.role === "student")) {
      for (const teacher of teachers) link(studentSourcedId, teacher, "teacher", [{ id: cls.sourcedId, title: cls.title }]);
    }
  }

  // A delta file lists only what changed: nothing it omits has ended, so it speaks for no link or role in full.
  const bulk = (...files: RosterFileName[]) => files.every((file) => modeOf(file) === "bulk");
  const usersBulk = bulk("users.csv", ...(data.roles12 ? (["roles.csv"] as const) : []));
  const completeKinds: RelationshipKind[] = [
    ...(usersBulk ? (["guardian"] as const) : []),
    ...(bulk("enrollments.csv") ? (["teacher"] as const) : []),
    ...(extras.caseloadIncluded && bulk("fidelio_caseload.csv") ? (["case_manager"] as const) : []),
  ];
  const rolesSpokenFor: Role[] = [
    ...(usersBulk && bulk("enrollments.csv") ? (["teacher"] as const) : []),
    ...(usersBulk ? (["parent"] as const) : []),
    ...(extras.rolesIncluded && bulk("fidelio_roles.csv") ? fidelioRoles : []),
  ];
  return {
    districtOrgs: [...data.orgs.values()].filter((org) => org.type === "district").map((org) => org.sourcedId),
    schools: [...data.orgs.values()].filter((org) => org.type === "school").map((org) => ({ sourcedId: org.sourcedId, name: org.name })),
    people,
    students,
    links,
    ieps: extras.ieps,
    completeKinds,
    rolesSpokenFor,
    deletedUsers: data.deletedUsers,
    skipped: data.skipped,
  };
}

/** Line breaks, tabs and other control characters: no name has them, and one could reach an email header. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this expression's purpose.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A name with a control character: the row is skipped with a warning naming its line and field. */
function skippedForControlCharacters(user: OneRosterUser, problems: Problems): boolean {
  const fields = (["givenName", "familyName"] as const).filter((field) => controlCharacters.test(user[field]));
  for (const field of fields) problems.warn("users.csv", user.line, field, "control_characters");
  return fields.length > 0;
}

function readStudent(user: OneRosterUser, schoolSourcedId: string | undefined, problems: Problems | undefined): ImportedStudent | undefined {
  const grade = user.grades[0] ?? "";
  const tooLong = (field: string, value: string, max: number) => value.length > max && problems?.add("users.csv", user.line, field, "too_long", { max });
  tooLong("givenName", user.givenName, 80);
  tooLong("familyName", user.familyName, 80);
  tooLong("grades", grade, 8);
  if (!schoolSourcedId) {
    if (user.orgSourcedIds.length > 0)
      problems?.add(
        user.orgRefs[0]?.file ?? "users.csv",
        user.orgRefs[0]?.line ?? user.line,
        user.orgRefs[0]?.field ?? "orgSourcedIds",
        "student_needs_school",
      );
    return undefined;
  }
  return { sourcedId: user.sourcedId, line: user.line, firstName: user.givenName, lastName: user.familyName, grade, schoolSourcedId };
}
