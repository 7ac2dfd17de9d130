import { createHash } from "node:crypto";
import * as v from "valibot";
import { addSchoolDays, isSchoolDay, zonedInstant } from "../calendar";
import { defaultTimeZone, type DistrictInfo } from "../district/schema";
import { getItem, itemType, keys } from "../dynamo";
import { Iep, type IepVersion } from "../iep";
import type { StudentRecord } from "../student/items";
import { studentName } from "../student/schema";
import { AccommodationDraft, formStatuses, ServiceAnswer, type FidelityForm, type FormPlan } from "./schema";
import { addWeeks, weekDays, weekStart } from "./week";
import { clock, districtToday } from "../clock";

const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * A form's id follows from its student, staff member and week, so two requests that create the same
 * form at once name the same item and the conditional put lets only one of them write it.
 */
export function formId(studentId: string, staffId: string, week: string): string {
  const digest = createHash("sha256").update(`${studentId}|${staffId}|${week}`).digest();
  let out = "";
  for (const byte of digest.subarray(0, 26)) out += alphabet[byte & 31];
  return `frm_${out}`;
}

const Plan = v.object({
  accommodations: v.array(v.object({ id: v.string(), text: v.string() })),
  services: v.array(v.object({ id: v.string(), name: v.string(), minutesPerWeek: v.number(), providerRole: v.string() })),
});

export const formItemType = itemType<FidelityForm>(
  "fidelity form",
  v.object({
    id: v.string(),
    districtId: v.string(),
    studentId: v.string(),
    studentName: v.string(),
    schoolId: v.string(),
    staffId: v.string(),
    staffName: v.string(),
    week: v.string(),
    classIds: v.array(v.string()),
    iepVersion: v.number(),
    plan: Plan,
    status: v.picklist(formStatuses),
    version: v.number(),
    revision: v.number(),
    accommodations: v.array(AccommodationDraft),
    services: v.array(ServiceAnswer),
    note: v.optional(v.string()),
    createdAt: v.string(),
    updatedAt: v.string(),
    updatedBy: v.optional(v.string()),
    submittedAt: v.optional(v.string()),
    lateReason: v.optional(v.string()),
    correctionReason: v.optional(v.string()),
  }),
);

/** The same staff member's form for the same student, the week before `form`'s ("same as last week", help requests). */
export const lastWeekOf = (form: Pick<FidelityForm, "studentId" | "staffId" | "week">) =>
  getItem(formItemType, keys.fidelityForm(formId(form.studentId, form.staffId, addWeeks(form.week, -1))));

export const formItem = (form: FidelityForm) => ({
  ...keys.fidelityForm(form.id),
  ...keys.fidelityFormOfStudent(form.studentId, form.week, form.staffId),
  type: "fidelity-form",
  ...form,
});

/** The IEP a week's form reports on: the one in effect on its Friday. */
export const iepForWeek = (record: StudentRecord, week: string) => Iep.inEffect(record.ieps, weekDays(week)[4]!);

/**
 * What a team member reports on: accommodations that apply in their classes (teachers, and case
 * managers who teach the student), and services they provide; a service with no named provider is
 * the case manager's to account for.
 */
export function planFor(record: StudentRecord, staffId: string, iep: IepVersion): FormPlan | undefined {
  const rel = record.relationships.find((r) => r.userId === staffId && r.kind !== "guardian");
  if (!rel) return undefined;
  const teaches = rel.kind === "teacher" || (rel.classes?.length ?? 0) > 0;
  const classIds = new Set((rel.classes ?? []).map((c) => c.id));
  const applies = (a: IepVersion["accommodations"][number]) =>
    (!a.classIds || a.classIds.some((id) => classIds.has(id))) && (!rel.accommodationIds || rel.accommodationIds.includes(a.id));
  const plan: FormPlan = {
    accommodations: teaches ? iep.accommodations.filter(applies).map(({ id, text }) => ({ id, text })) : [],
    services: iep.services
      .filter((s) => (s.providerId ? s.providerId === staffId : rel.kind === "case_manager"))
      .map(({ id, name, minutesPerWeek, providerRole }) => ({ id, name, minutesPerWeek, providerRole })),
  };
  return plan.accommodations.length + plan.services.length > 0 ? plan : undefined;
}

/** A new, empty form for a team member and week; undefined when nothing applies to them that week. */
export function newForm(record: StudentRecord, staffId: string, week: string, now = clock.iso()): FidelityForm | undefined {
  const iep = iepForWeek(record, week);
  const plan = iep && planFor(record, staffId, iep);
  const rel = record.relationships.find((r) => r.userId === staffId && r.kind !== "guardian");
  if (!iep || !plan || !rel) return undefined;
  const { student } = record;
  return {
    id: formId(student.id, staffId, week),
    districtId: student.districtId,
    studentId: student.id,
    studentName: studentName(student),
    schoolId: student.schoolId,
    staffId,
    staffName: rel.userName,
    week,
    classIds: (rel.classes ?? []).map((c) => c.id),
    iepVersion: iep.version,
    plan,
    status: "not_started",
    version: 0,
    revision: 0,
    accommodations: [],
    services: [],
    createdAt: now,
    updatedAt: now,
  };
}

const zoneOf = (district: Pick<DistrictInfo, "timeZone">) => district.timeZone ?? defaultTimeZone;

/** Today on the district's wall clock (defined once, in the clock). */
export { districtToday };

/** A week that has not begun yet cannot be filled in. */
export const isFutureWeek = (district: DistrictInfo, week: string, now = clock.now()) => weekStart(week) > districtToday(district, now);

/** Past the end of the week's Friday plus the district's grace period in school days: a late entry needs a reason. */
export function isLateWeek(district: DistrictInfo, week: string, now = clock.now()) {
  const friday = weekDays(week)[4]!;
  return now > addSchoolDays(district, zonedInstant(friday, "12:00:00", zoneOf(district)), district.fidelityGraceDays);
}

/** A day on which services are owed: a school day within the school year. */
export const isInstructionDay = (district: DistrictInfo, date: string) =>
  date >= district.calendar.firstDay && date <= district.calendar.lastDay && isSchoolDay(district, date);
