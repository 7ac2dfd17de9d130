import type { Role } from "../actor";
import { District, type DistrictInfo } from "../district";
import { batchGet, keys, putNew, queryAll, type TransactPut } from "../dynamo";
import { newId } from "../id";
import { Student, type StudentRecord } from "../student";
import { User, userItem, type SignInUser, type UserInfo } from "../user";
import type { Concern, NoteCode, Person } from "./schema";
import type { EventNote } from "./timeline";
import { nextLevel, topLevel, type EscalationLevel } from "./lifecycle";
import { sourceMapItem } from "./items";

const person = (user: UserInfo): Person => ({ id: user.id, name: user.name, ...(user.email !== undefined && { email: user.email }) });

export async function loadStudentAndDistrict(studentId: string) {
  const record = await Student.load(studentId);
  const district = record && (await District.load(record.student.districtId));
  return { record, district };
}

async function userPerson(userId: string | undefined) {
  const user = userId ? await User.get(userId) : undefined;
  return user && person(user);
}

/** The district's roster users holding `role` (the roster's own source map: bounded by the district's staff and families). */
async function districtUsersWith(districtId: string, role: Role): Promise<UserInfo[]> {
  const sources = await queryAll(sourceMapItem, keys.rosterUsersOf(districtId));
  const users = await batchGet(
    userItem,
    sources.map((s) => keys.user(s.id)),
  );
  return users.filter((u) => u.districtId === districtId && u.roles.includes(role)).sort((a, b) => a.id.localeCompare(b.id));
}

/** The district's directors, with their language (the weekly patterns digest goes to each). */
export const districtDirectors = (districtId: string) => districtUsersWith(districtId, "director");

export const districtAdmins = async (districtId: string) => (await districtUsersWith(districtId, "district_admin")).map(person);

export interface Assignment {
  level: EscalationLevel;
  assignee?: Person;
  /** Items to write with the assignment (a new advocate's account). */
  creates: TransactPut[];
  /** Why the concern is not at the level asked for, level by level (catalog codes). */
  notes?: EventNote[];
}

/** The user id of the class's teacher on the student's record, who holds a concern at the teacher level; undefined without one. */
export const classTeacherId = (record: StudentRecord, classId: string | undefined) =>
  classId ? record.relationships.find((r) => r.kind === "teacher" && r.classes?.some((c) => c.id === classId))?.userId : undefined;

/**
 * Who takes the concern at `level`; a level with nobody to take it passes to the next, and the
 * timeline says why. The advocate level always ends the search (a hand-off, possibly to nobody yet).
 */
export async function assignmentAt(
  level: EscalationLevel,
  concern: Pick<Concern, "classId" | "advocateEmail" | "districtId">,
  record: StudentRecord,
  district: DistrictInfo,
): Promise<Assignment> {
  // Nobody at this level: the level above takes it (below the top, which always ends the search).
  const skip = (why: NoteCode) =>
    assignmentAt(nextLevel(level) ?? topLevel, concern, record, district).then((a) => ({
      ...a,
      notes: [{ code: `note.${why}` as const }, ...(a.notes ?? [])],
    }));
  if (level === "teacher") {
    const teacher = await userPerson(classTeacherId(record, concern.classId));
    if (teacher) return { level, assignee: teacher, creates: [] };
    return skip(concern.classId ? "class_without_teacher" : "no_class");
  }
  if (level === "case_manager") {
    const manager = await userPerson(record.relationships.find((r) => r.kind === "case_manager")?.userId);
    if (manager) return { level, assignee: manager, creates: [] };
    return skip("no_case_manager");
  }
  if (level === "director") {
    const [director] = await districtUsersWith(district.id, "director");
    if (director) return { level, assignee: person(director), creates: [] };
    return skip("no_director");
  }
  const email = concern.advocateEmail ?? district.defaultAdvocateEmail;
  if (!email) return { level, creates: [], notes: [{ code: "note.no_advocate" }] };
  const existing = await User.byEmail(email);
  if (existing) return { level, assignee: person(existing), creates: [] };
  // A new address becomes an advocate account in the district; the hand-off email is its invitation.
  const user: SignInUser = { id: newId("usr"), email: User.normalizeEmail(email), name: email, districtId: district.id, roles: ["advocate"], schoolIds: [] };
  const items = User.toItems(user);
  return {
    level,
    assignee: person(user),
    creates: [putNew(items.user), putNew(items.email)],
  };
}
