import { createHash } from "node:crypto";
import { District, type DistrictInfo } from "@fidelio/core/district";
import { batchPut, keys, queryAll, type Item } from "@fidelio/core/dynamo";
import {
  addWeeks,
  districtToday,
  formItem,
  isInstructionDay,
  isoWeekOf,
  newForm,
  weekDays,
  weeksBetween,
  type AccommodationAnswer,
  type FidelityForm,
  type ServiceAnswer,
  type Session,
} from "@fidelio/core/fidelity";
import { Iep, type IepVersion } from "@fidelio/core/iep";
import { Student, studentItemType, studentName, type StudentRecord } from "@fidelio/core/student";
import { clock } from "@fidelio/core/clock";
import { countItemsOf, refreshMissPatterns, weeklyPatterns } from "@fidelio/core/patterns";

/** Ten school weeks of fidelity history before the current week, so every demo account sees real numbers. */
export const historyWeeks = 10;
/** The grade 1 teacher whose class went without extended time the week a substitute had no plan. */
const substituteWeekTeacher = "Karen Brooks";
/** The teacher who stopped filling in forms three weeks ago. */
export const stoppedTeacher = "James Wright";
/** teacher@, whose forms for last week are still drafts. */
const teacherName = "Maria Alvarez";
/** The child of parent@, whose IEP was amended half-way through the history. */
export const amendedStudent = "Sofia Martinez";

// Fixed pseudo-randomness: the same district on every machine.
const roll = (...parts: string[]) => createHash("sha256").update(parts.join("|")).digest().readUInt32BE(0) / 2 ** 32;

/** "Did it help?" on most provided answers, mostly yes: enough for every student's IEP review summary. */
function helpedFor(form: FidelityForm, itemId: string): Pick<AccommodationAnswer, "helped"> {
  const r = roll(form.id, itemId, "helped");
  if (r < 0.5) return { helped: "yes" };
  if (r < 0.7) return { helped: "somewhat" };
  if (r < 0.78) return { helped: "no" };
  if (r < 0.86) return { helped: "not_sure" };
  return {};
}

function answersFor(
  form: FidelityForm,
  district: DistrictInfo,
  careless: boolean,
  substitute: boolean,
): { accommodations: AccommodationAnswer[]; services: ServiceAnswer[] } {
  const accommodations = form.plan.accommodations.map((a): AccommodationAnswer => {
    const r = roll(form.id, a.id);
    if (substitute && a.id === "acc-extended-time")
      return { itemId: a.id, status: "not_provided", reason: "other", note: "Substitute teacher did not have the plan" };
    if (a.id === "acc-extended-time" && r < 0.25) return { itemId: a.id, status: "not_applicable", note: "No test this week" };
    if (r > (careless ? 0.6 : 0.9))
      return r > 0.95
        ? { itemId: a.id, status: "not_provided", note: "Substitute teacher did not have the plan", reason: "time_or_staff" }
        : { itemId: a.id, status: "partly", reason: r > 0.93 ? "materials_missing" : "student_declined" };
    return { itemId: a.id, status: "provided", ...helpedFor(form, a.id) };
  });
  const days = weekDays(form.week).filter((d) => isInstructionDay(district, d));
  const services = form.plan.services.map((s): ServiceAnswer => {
    // Sessions on two or three school days, the week's prorated minutes split between them.
    const slots = days.filter((_, i) => i % 2 === 0).slice(0, 3);
    const each = Math.round((s.minutesPerWeek * days.length) / 5 / Math.max(1, slots.length));
    const sessions = slots.map((date): Session => {
      const r = roll(form.id, s.id, date);
      if (r < 0.08) return { date, missed: "student_absent" };
      if (r < 0.13) return { date, missed: "provider_absent", note: "Provider at a training" };
      if (r < 0.16) return { date, missed: "schedule_conflict", note: "Assembly" };
      return { date, minutes: each };
    });
    return { serviceId: s.id, sessions };
  });
  return { accommodations, services };
}

/** Sofia's amendment: more reading minutes and one more accommodation, from the middle of the history. */
function amendment(record: StudentRecord, effectiveFrom: string): IepVersion | undefined {
  const latest = Iep.latest(record.ieps);
  if (!latest || latest.effectiveFrom >= effectiveFrom) return undefined;
  return {
    ...latest,
    version: latest.version + 1,
    effectiveFrom,
    accommodations: [...latest.accommodations, { id: "acc-check-ins", text: "Check-in with the teacher at the start of each writing task" }],
    services: latest.services.map((s) => (s.id === "svc-reading" ? { ...s, minutesPerWeek: 150 } : s)),
    createdAt: `${effectiveFrom}T16:00:00.000Z`,
    createdBy: "seed",
  };
}

/**
 * Writes the history in batches (the seed runs at every fresh start and in tests): one amended IEP,
 * team acknowledgments, and for each past week each team member's form, mostly submitted, last week's
 * partly drafts, some sessions missed with a reason, and nothing from one teacher these three weeks.
 */
export async function seedFidelityHistory(districtId: string, now = clock.now()) {
  const district = (await District.load(districtId))!;
  const thisWeek = isoWeekOf(districtToday(district, now));
  const weeks = weeksBetween(addWeeks(thisWeek, -historyWeeks), addWeeks(thisWeek, -1));
  const students = await queryAll(studentItemType, keys.studentsOfDistrict(districtId));
  const records = (await Promise.all(students.map((s) => Student.load(s.id)))).filter((r) => r !== undefined);
  const items: Item[] = [];
  const submitted: Array<{ form: FidelityForm; record: StudentRecord }> = [];
  for (const record of records) {
    const amended = studentName(record.student) === amendedStudent ? amendment(record, weekDays(weeks[5]!)[2]!) : undefined;
    if (amended) {
      record.ieps.push(amended);
      items.push({ ...keys.iepVersionClaim(record.student.id, amended.version), type: "iep-claim", at: amended.createdAt }, Iep.toItem(amended));
    }
    const team = record.relationships.filter((r) => r.kind === "teacher" || r.kind === "case_manager");
    for (const rel of team) {
      for (const iep of record.ieps) {
        if (rel.userName === stoppedTeacher && iep === amended) continue;
        const at = `${iep.effectiveFrom}T20:00:00.000Z`;
        items.push({
          ...keys.iepAcknowledgment(record.student.id, rel.userId, iep.version),
          type: "iep-ack",
          studentId: record.student.id,
          userId: rel.userId,
          version: iep.version,
          at,
        });
      }
      weeks.forEach((week, i) => {
        if (rel.userName === stoppedTeacher && i >= weeks.length - 3) return;
        const friday = `${weekDays(week)[4]}T23:00:00.000Z`;
        const form = newForm(record, rel.userId, week, friday);
        if (!form) return;
        const draft = i === weeks.length - 1 && (rel.userName === teacherName || roll(form.id) < 0.2);
        const answers = answersFor(form, district, rel.userName === stoppedTeacher, rel.userName === substituteWeekTeacher && i === weeks.length - 2);
        const written: FidelityForm = {
          ...form,
          ...answers,
          status: draft ? "draft" : "submitted",
          version: draft ? 1 : 2,
          updatedBy: rel.userId,
          ...(draft ? {} : { submittedAt: friday }),
        };
        items.push(formItem(written));
        if (!draft) submitted.push({ form: written, record });
      });
    }
  }
  await batchPut(items);
  await seedPatterns(district, records, weeks, submitted, thisWeek);
  return { weeks: weeks.length, items: items.length };
}

/**
 * The pattern counts of the history's submitted forms, as submitting them one by one would have kept
 * them, and the patterns they make: the class and school ones of each week, and the weekly job's of
 * the last week (no digest: nobody is emailed about the past).
 */
async function seedPatterns(
  district: DistrictInfo,
  records: StudentRecord[],
  weeks: string[],
  submitted: Array<{ form: FidelityForm; record: StudentRecord }>,
  thisWeek: string,
) {
  await batchPut(countItemsOf(submitted, district));
  const schools = [...new Set(records.map((r) => r.student.schoolId))];
  for (const schoolId of schools) for (const week of weeks) await refreshMissPatterns(district.id, schoolId, week, thisWeek);
  await weeklyPatterns(district, weeks.at(-1)!, records, { digest: false });
}
