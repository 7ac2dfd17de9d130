import * as v from "valibot";
import { Access } from "../access";
import { hasRole, type Actor } from "../actor";
import { Audit } from "../audit";
import { auditReasons } from "../audit/reasons";
import { keys, queryAll, queryPage } from "../dynamo";
import { Iep } from "../iep";
import { verb } from "../verb";
import { parseStudentPartition, type StudentRecord } from "./items";
import { studentName, type Relationship, type StudentInfo } from "./schema";

export * from "./schema";
export * from "./items";

const StudentId = v.pipe(v.string(), v.regex(/^stu_[0-9a-z]{26}$/, "Not a student id"));
const Cursor = v.optional(v.pipe(v.string(), v.maxLength(2048)));
const today = () => new Date().toISOString().slice(0, 10);

export interface StudentSummary {
  id: string;
  name: string;
  grade: string;
  schoolName: string;
  relationship: Relationship["kind"] | "district";
}

export namespace Student {
  /** One Query: the student, every relationship and every IEP version. */
  export async function load(studentId: string): Promise<StudentRecord | undefined> {
    return parseStudentPartition(await queryAll(keys.studentPartition(studentId)));
  }

  /** Loads a student the actor may see for `action`, or throws 404/403. */
  export async function loadFor(actor: Actor, action: "student.read" | "audit.read", studentId: string) {
    const record = v.is(StudentId, studentId) ? await load(studentId) : undefined;
    const grant = Access.toStudent(actor, action, record);
    return { record: record!, grant };
  }

  /** Directors and admins page through the district; everyone else sees the students they are linked to. */
  export const list = verb(v.object({ cursor: Cursor }), async (actor, { cursor }) => {
    Access.requireAction(actor, "student.list");
    const districtWide = hasRole(actor, "director", "district_admin");
    const page = districtWide
      ? await queryPage<StudentInfo>({ ...keys.studentsOfDistrict(actor.districtId), limit: 100, cursor })
      : await queryPage<Relationship>({ ...keys.studentsOfUser(actor.userId), limit: 100, cursor });
    // Each listed student's audit entry names the actor's own link to that student.
    const items: StudentSummary[] = districtWide
      ? (page.items as StudentInfo[]).map((s) => ({ id: s.id, name: studentName(s), grade: s.grade, schoolName: s.schoolName, relationship: "district" }))
      : (page.items as Relationship[])
          .filter((rel) => hasRole(actor, rel.kind === "guardian" ? "parent" : rel.kind))
          .map((rel) => ({ ...rel.student, relationship: rel.kind }));
    await Audit.recordMany(
      actor,
      items.map((s) => ({
        studentId: s.id,
        action: "student.list",
        record: "student:name,grade,school",
        reason: auditReasons[s.relationship === "district" ? "districtList" : s.relationship],
      })),
    );
    return { items, cursor: page.cursor };
  });

  /** The student with the IEP snapshot in effect today and the service team. */
  export const get = verb(v.object({ id: v.string() }), async (actor, { id }) => {
    const { record, grant } = await loadFor(actor, "student.read", id);
    const iep = Iep.inEffect(record.ieps, today());
    await Audit.record(actor, {
      studentId: id,
      action: "student.read",
      record: iep ? `student,iep:v${iep.version}` : "student",
      reason: grant.reason,
    });
    const { student } = record;
    // A teacher sees which of the student's accommodations apply in the classes they teach.
    const mine = record.relationships.find((rel) => rel.userId === actor.userId && rel.kind !== "guardian");
    const appliesToMe = (accommodationId: string) => !mine?.accommodationIds || mine.accommodationIds.includes(accommodationId);
    return {
      student: { id: student.id, name: studentName(student), grade: student.grade, schoolName: student.schoolName },
      relationship: grant.role,
      myClasses: mine?.classes ?? [],
      iep: iep
        ? {
            version: iep.version,
            effectiveFrom: iep.effectiveFrom,
            accommodations: iep.accommodations.map((a) => ({ ...a, appliesInMyClasses: mine ? appliesToMe(a.id) : undefined })),
            modifications: iep.modifications,
            services: iep.services,
            goals: iep.goals,
          }
        : null,
      team: record.relationships
        .filter((rel) => rel.kind !== "guardian")
        .map((rel) => ({ userId: rel.userId, name: rel.userName, role: rel.kind })),
    };
  });

  /** Who read or changed this student's records; the reading itself is audited too. */
  export const auditTrail = verb(v.object({ studentId: v.string(), cursor: Cursor }), async (actor, { studentId, cursor }) => {
    const { grant } = await loadFor(actor, "audit.read", studentId);
    const [page] = await Promise.all([
      Audit.page(studentId, cursor),
      Audit.record(actor, { studentId, action: "audit.read", record: "audit-trail", reason: grant.reason }),
    ]);
    return page;
  });
}
