import { Actor } from "@fidelio/core/actor";
import { Audit } from "@fidelio/core/audit";
import { clock } from "@fidelio/core/clock";
import { District } from "@fidelio/core/district";
import { HelpRequestItems, keys, putNew, queryAll, transact } from "@fidelio/core/dynamo";
import { isConditionFailure } from "@fidelio/core/error";
import { addWeeks, districtToday, formId, isoWeekOf, weekDays } from "@fidelio/core/fidelity";
import { caseManagerOf, helpDue, type HelpRequest } from "@fidelio/core/help";
import { derivedId } from "@fidelio/core/id";
import { Iep } from "@fidelio/core/iep";
import { Student, studentItemType, studentName } from "@fidelio/core/student";

/** teacher@, who asks; her requests go to casemanager@, who manages every elementary case. */
const teacherName = "Maria Alvarez";

/**
 * The demo's help requests: one open (teacher@ not sure how to give Sofia Martinez a support, asked
 * this week) and one answered (materials missing for Harper Wilson two weeks ago, resolved with what
 * the case manager did). Written as a submission and an answer would leave them, without emailing
 * anyone about the past; fixed ids, so a second run writes nothing.
 */
export async function seedHelpRequests(districtId: string) {
  const district = (await District.load(districtId))!;
  const thisWeek = isoWeekOf(districtToday(district));
  const students = await queryAll(studentItemType, keys.studentsOfDistrict(districtId));
  const load = async (name: string) => Student.load(students.find((s) => studentName(s) === name)!.id);
  const system = Actor.system("seed", districtId);

  async function write(name: string, week: string, pick: (ids: string[]) => string, at: Date, fields: Pick<HelpRequest, "trigger" | "note">, answer?: string) {
    const record = (await load(name))!;
    const teacher = record.relationships.find((r) => r.kind === "teacher" && r.userName === teacherName)!;
    const caseManager = caseManagerOf(record, teacher.userId)!;
    const iep = Iep.inEffect(record.ieps, weekDays(week)[4]!)!;
    const item = iep.accommodations.find((a) => a.id === pick(iep.accommodations.map((x) => x.id)))!;
    const request: HelpRequest = {
      id: derivedId("hlp", `demo-help|${record.student.id}|${week}`),
      districtId,
      schoolId: record.student.schoolId,
      studentId: record.student.id,
      studentName: studentName(record.student),
      itemId: item.id,
      itemText: item.text,
      ...fields,
      formId: formId(record.student.id, teacher.userId, week),
      week,
      teacherId: teacher.userId,
      teacherName: teacher.userName,
      caseManagerId: caseManager.id,
      caseManagerName: caseManager.name,
      status: "open",
      createdAt: at.toISOString(),
      ...helpDue(district, at),
      version: 1,
      comments: [],
    };
    const audit = (action: "help.open" | "help.resolve") =>
      putNew(Audit.itemFor(system, { studentId: request.studentId, action, record: `help:${request.id}`, reason: "seed" }));
    try {
      await transact([...HelpRequestItems.open(request as HelpRequest & Record<string, unknown>), audit("help.open")]);
    } catch (error) {
      if (isConditionFailure(error)) return;
      throw error;
    }
    if (!answer) return;
    const resolution = { by: caseManager.id, byName: caseManager.name, at: new Date(at.getTime() + 2 * 86_400_000).toISOString(), text: answer };
    const resolved = { ...request, status: "resolved" as const, resolution, version: 2 };
    await transact([...HelpRequestItems.resolve(resolved as HelpRequest & Record<string, unknown>, 1), audit("help.resolve")]);
  }

  const now = clock.now();
  await write("Sofia Martinez", addWeeks(thisWeek, -1), (ids) => ids.at(-1)!, now, {
    trigger: "not_sure_how",
    note: "I do not see how to fit this in during group work.",
  });
  const twoWeeksAgo = addWeeks(thisWeek, -2);
  await write(
    "Harper Wilson",
    twoWeeksAgo,
    (ids) => ids[0]!,
    new Date(`${weekDays(twoWeeksAgo)[4]}T22:00:00.000Z`),
    { trigger: "materials_missing" },
    "Modelled it in class on Tuesday; left the materials and a laminated checklist on the desk.",
  );
}
