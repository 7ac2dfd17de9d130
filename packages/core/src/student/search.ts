import * as v from "valibot";
import { Access, districtGrants, relationshipRole } from "../access";
import { hasRole, type UserActor } from "../actor";
import { Audit } from "../audit";
import { keys, queryAll, queryPage } from "../dynamo";
import { schoolItem } from "../district/school";
import { filteredPage } from "../dynamo/filtered-page";
import { verb } from "../verb";
import { relationshipItemType, studentItemType } from "./items";
import { normalizeName, studentName, type Relationship, type StudentInfo } from "./schema";

const Cursor = v.optional(v.pipe(v.string(), v.maxLength(2048)));
const pageSize = 50;

export interface StudentSummary {
  id: string;
  name: string;
  grade: string;
  schoolId?: string;
  schoolName: string;
  relationship: Relationship["kind"] | "district";
  can: ReturnType<typeof Access.onStudent>;
}

export const StudentQuery = v.object({
  cursor: Cursor,
  /** The start of the last name ("mart"), or of "last first" ("martinez so"); case and accents do not matter. */
  q: v.optional(v.pipe(v.string(), v.maxLength(80, "At most 80 characters"))),
  schoolId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  grade: v.optional(v.pipe(v.string(), v.maxLength(8))),
  order: v.optional(v.picklist(["asc", "desc"])),
});

/**
 * Directors and admins page through the district (and may search it); everyone else sees the
 * students they are linked to. A name search is a Query on the district's name-ordered index
 * (begins_with the normalized prefix); school and grade keep what matches from a few bounded
 * pages of that same order, so no request reads more than 4 x 50 index items.
 */
export const listStudents = verb(StudentQuery, async (actor, input) => {
  Access.requireAction(actor, "student.list");
  const namePrefix = input.q ? normalizeName(input.q) : "";
  const searching = !!(namePrefix || input.schoolId || input.grade || input.order);
  if (searching) Access.requireAction(actor, "student.search");
  const items = hasRole(actor, "director", "district_admin") ? await districtPage(actor, input, namePrefix) : await linkedPage(actor, input.cursor);
  await Audit.recordMany(
    actor,
    items.items.map((s) => ({
      studentId: s.id,
      action: "student.list",
      record: "student:name,grade,school",
      // Each entry names the actor's own link to that student.
      reason: s.relationship === "district" ? "district_list" : s.relationship,
    })),
  );
  return items;
});

async function districtPage(actor: UserActor, input: v.InferOutput<typeof StudentQuery>, namePrefix: string) {
  const can = Access.onStudent(districtGrants(actor).map((g) => g.role));
  const { schoolId, grade } = input;
  const page = await filteredPage<StudentInfo>(
    (cursor, limit) =>
      queryPage(studentItemType, { ...keys.studentsOfDistrict(actor.districtId, namePrefix), limit, cursor, newestFirst: input.order === "desc" }),
    {
      pageSize,
      cursor: input.cursor,
      keep: schoolId || grade ? (s) => (!schoolId || s.schoolId === schoolId) && (!grade || s.grade === grade) : undefined,
    },
  );
  const items: StudentSummary[] = page.items.map((s) => ({
    id: s.id,
    name: studentName(s),
    grade: s.grade,
    schoolId: s.schoolId,
    schoolName: s.schoolName,
    relationship: "district",
    can,
  }));
  return { items, cursor: page.cursor };
}

async function linkedPage(actor: UserActor, cursor: string | undefined) {
  const page = await queryPage(relationshipItemType, { ...keys.studentsOfUser(actor.userId), limit: 100, cursor });
  const items = page.items.flatMap((rel): StudentSummary[] => {
    const role = relationshipRole(actor, rel.kind);
    return role ? [{ ...rel.student, relationship: rel.kind, can: Access.onStudent([role]) }] : [];
  });
  return { items, cursor: page.cursor };
}

/** The district's schools, for the director's filters and school rows (a bounded partition). */
export async function schoolsOf(actor: UserActor) {
  Access.requireAction(actor, "student.search");
  const schools = await queryAll(schoolItem, keys.schoolsOf(actor.districtId));
  return { items: schools.map((s) => ({ id: s.id, name: s.name })).sort((a, b) => a.name.localeCompare(b.name)) };
}
