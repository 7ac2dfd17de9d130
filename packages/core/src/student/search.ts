import * as v from "valibot";
import { Access, districtGrants, relationshipRole } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { batchGet, keys, queryAll, queryPage } from "../dynamo";
import { schoolItem } from "../district/school";
import { filteredPage } from "../dynamo/filtered-page";
import { verb } from "../verb";
import { relationshipItemType, studentItemType, studentWordItem } from "./items";
import { Cursor } from "../paging/cursor";
import { nameWords, normalizeName, sortName, studentName, type Relationship, type StudentInfo } from "./schema";

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
  /** The start of any word of the name ("sofia", "mart"); more words narrow it ("sofia mart"); case and accents do not matter. */
  q: v.optional(v.pipe(v.string(), v.maxLength(80, "At most 80 characters"))),
  schoolId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  grade: v.optional(v.pipe(v.string(), v.maxLength(8))),
  order: v.optional(v.picklist(["asc", "desc"])),
});

/**
 * Directors and admins page through the district (and may search it); everyone else sees the
 * students they are linked to. A name search is a Query on the district's name words (one item per
 * word of a student's first and last names: a prefix match on the first word typed), the students read by
 * BatchGet; further words typed, school and grade keep what matches from a few bounded pages, so no
 * request reads more than 4 x 50 index items. Without a name, the name-ordered index pages the district.
 */
export const listStudents = verb(StudentQuery, async (actor, input) => {
  Access.requireAction(actor, "student.list");
  const namePrefix = input.q ? normalizeName(input.q) : "";
  const searching = !!(namePrefix || input.schoolId || input.grade || input.order);
  if (searching) Access.requireAction(actor, "student.search");
  const items = districtGrants(actor).length > 0 ? await districtPage(actor, input, namePrefix) : await linkedPage(actor, input.cursor);
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
  const [first, ...others] = namePrefix.split(" ").filter(Boolean);
  const read = first
    ? byNameWord(actor.districtId, first, input.order === "desc")
    : (cursor: string | undefined, limit: number) =>
        queryPage(studentItemType, { ...keys.studentsOfDistrict(actor.districtId), limit, cursor, newestFirst: input.order === "desc" });
  const seen = new Set<string>();
  const page = await filteredPage<StudentInfo>(read, {
    pageSize,
    cursor: input.cursor,
    keep:
      first || schoolId || grade
        ? (s) => {
            // A student two of whose words start alike ("ma": Maria Martinez) is listed once a page.
            if (seen.has(s.id)) return false;
            seen.add(s.id);
            const words = nameWords(s);
            return (!schoolId || s.schoolId === schoolId) && (!grade || s.grade === grade) && others.every((w) => words.some((word) => word.startsWith(w)));
          }
        : undefined,
  });
  if (first) page.items.sort((a, b) => sortName(a).localeCompare(sortName(b)) * (input.order === "desc" ? -1 : 1));
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

/** Students one of whose name words starts with `word`, a page of the word index at a time, read by BatchGet. */
const byNameWord = (districtId: string, word: string, newestFirst: boolean) => async (cursor: string | undefined, limit: number) => {
  const page = await queryPage(studentWordItem, { ...keys.studentNameWords(districtId, word), limit, cursor, newestFirst });
  const students = new Map(
    (
      await batchGet(
        studentItemType,
        page.items.map((w) => keys.student(w.studentId)),
      )
    ).map((s) => [s.id, s]),
  );
  return { items: page.items.flatMap((w) => students.get(w.studentId) ?? []), cursor: page.cursor };
};

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
