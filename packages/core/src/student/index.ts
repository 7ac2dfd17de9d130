import * as v from "valibot";
import { Access, grantsFor } from "../access";
import type { UserActor } from "../actor";
import { Audit, type AuditFilter } from "../audit";
import { auditKinds } from "../audit/reasons";
import { keys, queryAll } from "../dynamo";
import { Iep } from "../iep";
import { affectedMembers, versionBefore } from "../iep/duties";
import { districtToday } from "../clock";
import { District } from "../district";
import { EmailFeedback } from "../user/email-feedback";
import { Cursor } from "../paging/cursor";
import { verb } from "../verb";
import { parseStudentPartition, type StudentRecord } from "./items";
import { studentName } from "./schema";
import { classesOf } from "./classes";
import { listStudents, schoolsOf } from "./search";

export * from "./schema";
export * from "./items";
export { StudentQuery, type StudentSummary } from "./search";

const StudentId = v.pipe(v.string(), v.regex(/^stu_[0-9a-z]{26}$/, "Not a student id"));

export namespace Student {
  /** One Query: the student, every relationship and every IEP version. */
  export async function load(studentId: string): Promise<StudentRecord | undefined> {
    return parseStudentPartition(await queryAll(keys.studentPartition(studentId)));
  }

  /** Loads a student the actor may see for `action`, or throws 404/403. */
  export async function loadFor(actor: UserActor, action: "student.read" | "audit.read", studentId: string) {
    const record = v.is(StudentId, studentId) ? await load(studentId) : undefined;
    const grant = Access.toStudent(actor, action, record);
    return { record: record!, grant };
  }

  export const list = listStudents;
  export const schools = schoolsOf;
  export const classes = classesOf;

  /** The student with the IEP snapshot in effect today and the service team. */
  export const get = verb(v.object({ id: v.string() }), async (actor, { id }) => {
    // The district is read alongside: "today" (which IEP is in effect) is the district's date.
    const [{ record, grant }, own] = await Promise.all([loadFor(actor, "student.read", id), District.load(actor.districtId)]);
    const district = record.student.districtId === own?.id ? own : await District.load(record.student.districtId);
    const towardRoles = grantsFor(actor, record).map((g) => g.role);
    const iep = Iep.inEffect(record.ieps, districtToday(district ?? {}));
    const team = record.relationships.filter((rel) => rel.kind !== "guardian");
    // Staff see whose email bounces or was refused, so they reach that person another way; a parent sees the team only.
    const staffView = grant.role !== "parent";
    const [undeliverable] = await Promise.all([
      EmailFeedback.flagsOf(staffView ? team.map((rel) => rel.userId) : []),
      Audit.record(actor, {
        studentId: id,
        action: "student.read",
        record: iep ? `student,iep:v${iep.version}` : "student",
        reason: grant.reason,
      }),
    ]);
    const { student } = record;
    const can = Access.onStudent(towardRoles);
    const latest = Iep.latest(record.ieps);
    // The latest version's reach: who it gave new duties to, and who of them has acknowledged it (editors only).
    const amendment =
      can.editIep && latest
        ? {
            version: latest.version,
            effectiveFrom: latest.effectiveFrom,
            members: affectedMembers(record, versionBefore(record.ieps, latest), latest).map((m) => ({
              userId: m.userId,
              name: m.name,
              role: m.role,
              changes: m.changes.length,
              acknowledgedAt: record.acknowledgments.find((a) => a.userId === m.userId && a.version === latest.version)?.at ?? null,
            })),
          }
        : null;
    // A teacher sees which of the student's accommodations apply in the classes they teach.
    const mine = record.relationships.find((rel) => rel.userId === actor.userId && rel.kind !== "guardian");
    const appliesToMe = (accommodationId: string) => !mine?.accommodationIds || mine.accommodationIds.includes(accommodationId);
    return {
      student: { id: student.id, name: studentName(student), grade: student.grade, schoolName: student.schoolName },
      relationship: grant.role,
      can,
      amendment,
      myClasses: mine?.classes ?? [],
      // The child's classes with their teacher: where a parent's concern can start.
      classes: record.relationships.flatMap((rel) =>
        rel.kind === "teacher" ? (rel.classes ?? []).map((c) => ({ id: c.id, title: c.title, teacherName: rel.userName })) : [],
      ),
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
      team: team.map((rel) => ({
        userId: rel.userId,
        name: rel.userName,
        role: rel.kind,
        // Classes too: the IEP editor offers them as the places an accommodation applies.
        classes: rel.classes ?? [],
        emailUndeliverable: undeliverable.get(rel.userId) ?? null,
        // When this member acknowledged the IEP in effect (34 CFR 300.323(d)); null while they have not.
        acknowledgedAt: (iep && record.acknowledgments.find((a) => a.userId === rel.userId && a.version === iep.version)?.at) ?? null,
      })),
    };
  });

  const AuditQuery = v.object({
    studentId: v.string(),
    cursor: Cursor,
    kind: v.optional(v.picklist(auditKinds)),
    actorId: v.optional(v.pipe(v.string(), v.maxLength(64))),
    /** "1": leave out the caller's own entries (a parent hiding their own views). */
    hideMine: v.optional(v.picklist(["1"])),
  });

  /** Who read or changed this student's records; the reading itself is audited too. */
  export const auditTrail = verb(AuditQuery, async (actor, { studentId, cursor, kind, actorId, hideMine }) => {
    const { grant } = await loadFor(actor, "audit.read", studentId);
    const filter: AuditFilter = { kind, actorId, exceptActorId: hideMine ? actor.userId : undefined };
    const [page] = await Promise.all([
      Audit.page(studentId, filter, cursor),
      Audit.record(actor, { studentId, action: "audit.read", record: "audit-trail", reason: grant.reason }),
    ]);
    return { items: page.items, cursor: page.cursor };
  });
}
