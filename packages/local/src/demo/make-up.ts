import { District } from "@fidelio/core/district";
import { CompensatoryItems, getItem, keys, putItem, transact } from "@fidelio/core/dynamo";
import { addWeeks, districtToday, formId, formItem, formItemType, isInstructionDay, isoWeekOf, weekDays } from "@fidelio/core/fidelity";
import { derivedId } from "@fidelio/core/id";
import { Student, studentItemType, studentName } from "@fidelio/core/student";
import { queryAll } from "@fidelio/core/dynamo";
import { clock } from "@fidelio/core/clock";
import { amendedStudent, historyWeeks } from "./history";

/** The demo's make-up plan: 60 of Sofia's owed reading minutes, planned in the history's first week and half given that week, due in three weeks. */
export const demoMakeUp = { serviceId: "svc-reading", minutes: 60, given: 30 } as const;

/**
 * Sofia's case manager planned to make up an hour of missed reading (the case manager gives reading:
 * no provider is named) and has given half of it in one make-up session, recorded on the form of the
 * history's first week (before the ten weeks the caseload and the reports show by default, so their
 * demo figures are the weeks' own). Written directly, as the history is; the API's checks are in
 * test/fidelity.
 */
export async function seedMakeUpPlan(districtId: string, now = clock.now()) {
  const district = (await District.load(districtId))!;
  const thisWeek = isoWeekOf(districtToday(district, now));
  const students = await queryAll(studentItemType, keys.studentsOfDistrict(districtId));
  const sofia = students.find((s) => studentName(s) === amendedStudent);
  const record = sofia && (await Student.load(sofia.id));
  const manager = record?.relationships.find((r) => r.kind === "case_manager");
  if (!record || !manager) return;
  const plannedWeek = addWeeks(thisWeek, -historyWeeks);
  const givenWeek = plannedWeek;
  const createdOn = weekDays(plannedWeek)[0]!;
  const plan = {
    id: derivedId("cmp", `demo-make-up|${record.student.id}`),
    districtId,
    studentId: record.student.id,
    studentName: studentName(record.student),
    serviceId: demoMakeUp.serviceId,
    serviceName: serviceNameOf(record, demoMakeUp.serviceId),
    minutes: demoMakeUp.minutes,
    plan: "Two 30-minute small-group reading sessions after school on Tuesdays",
    provider: { id: manager.userId, name: manager.userName },
    dueOn: weekDays(addWeeks(thisWeek, 3))[4]!,
    createdOn,
    createdAt: `${createdOn}T22:00:00.000Z`,
    createdBy: { id: manager.userId, name: manager.userName },
  };
  if (await getItem(keys.compensatoryPlan(plan.studentId, plan.id))) return;
  const form = await getItem(formItemType, keys.fidelityForm(formId(record.student.id, manager.userId, givenWeek)));
  const day = weekDays(givenWeek).find((d) => isInstructionDay(district, d));
  // The plan's `given` counter holds the half given on the form below.
  await transact([
    CompensatoryItems.putPlan({ ...plan, given: form && day ? demoMakeUp.given : 0 }),
    CompensatoryItems.putDue({ districtId, studentId: plan.studentId, planId: plan.id, dueOn: plan.dueOn }),
  ]);
  if (!form || !day) return;
  const services = form.services.map((s) =>
    s.serviceId === demoMakeUp.serviceId ? { ...s, makeUp: [{ planId: plan.id, date: day, minutes: demoMakeUp.given }] } : s,
  );
  await putItem(formItem({ ...form, services }));
}

const serviceNameOf = (record: NonNullable<Awaited<ReturnType<typeof Student.load>>>, serviceId: string) =>
  [...record.ieps]
    .reverse()
    .flatMap((i) => i.services)
    .find((s) => s.id === serviceId)?.name ?? serviceId;
