import { Actor } from "../actor";
import { Audit } from "../audit";
import { zonedInstant } from "../calendar";
import { defaultTimeZone, District, type DistrictInfo } from "../district";
import type { Message } from "../email";
import { batchGet, keys, putNew, queryAll, transact } from "../dynamo";
import { isConditionFailure } from "../error";
import { Outbox } from "../outbox";
import { Student, studentItemType, type StudentRecord } from "../student";
import { User, userItem } from "../user";
import { districtToday, formItemType, isInstructionDay, newForm } from "./form";
import { mapLimit } from "../concurrency";
import { caseManagerNotice, teacherReminder } from "./reminder-emails";
import type { FidelityForm } from "./schema";
import { addWeeks, isoWeekOf, weekDays } from "./week";
import { clock } from "../clock";

const KEEP_MARKER_DAYS = 60;

function groupBy<T>(list: T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of list) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * The school week to remind about: this one once its last school day's afternoon has come, else the
 * one before. A week with no school days (a break) has nothing to fill in.
 */
export function weekToRemind(district: DistrictInfo, now: Date): string | undefined {
  const thisWeek = isoWeekOf(districtToday(district, now));
  for (const week of [thisWeek, addWeeks(thisWeek, -1)]) {
    const last = weekDays(week)
      .filter((d) => isInstructionDay(district, d))
      .at(-1);
    if (last && now >= zonedInstant(last, "15:00:00", district.timeZone ?? defaultTimeZone)) return week;
    if (!last && week !== thisWeek) return undefined;
  }
  return undefined;
}

interface Expected {
  form: FidelityForm;
  record: StudentRecord;
  previousOpen: boolean;
}

async function openForms(records: StudentRecord[], week: string): Promise<Expected[]> {
  const previousWeek = addWeeks(week, -1);
  const pairs = records.flatMap((record) =>
    record.relationships
      .filter((r) => r.kind === "teacher" || r.kind === "case_manager")
      .flatMap((rel) => {
        const form = newForm(record, rel.userId, week);
        return form ? [{ form, record, previous: newForm(record, rel.userId, previousWeek) }] : [];
      }),
  );
  const stored = await batchGet(
    formItemType,
    pairs.flatMap((p) => [keys.fidelityForm(p.form.id), ...(p.previous ? [keys.fidelityForm(p.previous.id)] : [])]),
  );
  const submitted = new Set(stored.filter((f) => f.status === "submitted").map((f) => f.id));
  return pairs
    .filter((p) => !submitted.has(p.form.id))
    .map((p) => ({ form: p.form, record: p.record, previousOpen: !!p.previous && !submitted.has(p.previous.id) }));
}

/** One email per person and week: the marker and the outbox item commit together, or neither does. */
async function sendOnce(districtId: string, week: string, to: "TEACHER" | "CM", userId: string, message: Message, studentIds: string[]) {
  const system = Actor.system("schedule", districtId);
  const ttl = Math.ceil(clock.ms() / 1000) + KEEP_MARKER_DAYS * 86_400;
  try {
    await transact([
      putNew({ ...keys.reminderSent(districtId, week, to, userId), type: "reminder-sent", at: clock.iso(), ttl }),
      Outbox.email(message),
      ...[...new Set(studentIds)]
        .slice(0, 90)
        .map((studentId) => putNew(Audit.itemFor(system, { studentId, action: "fidelity.reminder", record: `fidelity-form:${week}`, reason: "schedule" }))),
    ]);
    return 1;
  } catch (error) {
    if (isConditionFailure(error)) return 0;
    throw error;
  }
}

/** Reminds one district's teachers of the week's open forms, and case managers of forms open two weeks running. */
export async function remindDistrict(districtId: string, now = clock.now()) {
  const district = await District.load(districtId);
  const week = district && weekToRemind(district, now);
  if (!district || !week) return { week: undefined, teachers: 0, caseManagers: 0 };
  const students = await queryAll(studentItemType, keys.studentsOfDistrict(districtId));
  const records = (await mapLimit(students, 10, (s) => Student.load(s.id))).filter((r) => r !== undefined);
  const open = await openForms(records, week);
  const byTeacher = groupBy(open, (o) => o.form.staffId);
  const lapses = open.flatMap((o) => {
    const cm = o.previousOpen && o.record.relationships.find((r) => r.kind === "case_manager");
    return cm && cm.userId !== o.form.staffId ? [{ ...o, caseManagerId: cm.userId }] : [];
  });
  const byCaseManager = groupBy(lapses, (l) => l.caseManagerId);
  const users = new Map(
    (
      await batchGet(
        userItem,
        [...byTeacher.keys(), ...byCaseManager.keys()].map((id) => keys.user(id)),
      )
    ).map((u) => [u.id, u]),
  );
  let teachers = 0;
  let caseManagers = 0;
  for (const [userId, forms] of byTeacher) {
    const user = users.get(userId);
    // Someone the roster gave no email cannot be written to: their forms stay listed for their case manager.
    if (!user || !User.canSignIn(user)) continue;
    const message = teacherReminder(
      user,
      week,
      forms.map((f) => f.form.studentName),
    );
    teachers += await sendOnce(
      districtId,
      week,
      "TEACHER",
      userId,
      message,
      forms.map((f) => f.form.studentId),
    );
  }
  for (const [userId, list] of byCaseManager) {
    const user = users.get(userId);
    if (!user || !User.canSignIn(user)) continue;
    const message = caseManagerNotice(
      user,
      week,
      list.map((l) => ({ staffName: l.form.staffName, studentName: l.form.studentName })),
    );
    caseManagers += await sendOnce(
      districtId,
      week,
      "CM",
      userId,
      message,
      list.map((l) => l.form.studentId),
    );
  }
  return { week, teachers, caseManagers };
}

/** The scheduled job: every district in turn. Safe to run any number of times; each email goes once. */
export async function sendReminders(now = clock.now()) {
  const districts = await District.listed();
  const results = [];
  for (const { districtId } of districts) results.push({ districtId, ...(await remindDistrict(districtId, now)) });
  return results;
}
