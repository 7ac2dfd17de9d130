import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { District } from "../district";
import { keys, queryAll } from "../dynamo";
import { notFound, VisibleError } from "../error";
import { relationshipItemType, Student } from "../student";
import { verb } from "../verb";
import { mapLimit } from "../concurrency";
import { formId, isFutureWeek, isLateWeek } from "./form";
import { futureWeek, weekForms } from "./forms";
import { submitAnswers, withBlockers } from "./save";
import { ClassSubmit, ClassWeekParams } from "./schema";

/**
 * The students the actor serves in one class and their records: 404 when the actor teaches no one in
 * it (a class that is not theirs looks like one that does not exist).
 */
async function myClass(actor: UserActor, classId: string) {
  Access.requireAction(actor, "fidelity.form");
  const links = (await queryAll(relationshipItemType, keys.studentsOfUser(actor.userId))).filter(
    (r) => (r.kind === "teacher" || r.kind === "case_manager") && r.classes?.some((c) => c.id === classId),
  );
  if (!links.length) throw notFound("Class");
  const records = (await mapLimit(links, 10, (link) => Student.load(link.studentId))).filter((r) => r !== undefined);
  const title = links.flatMap((l) => l.classes ?? []).find((c) => c.id === classId)!.title;
  const reasonOf = new Map(links.map((l) => [l.studentId, l.kind === "teacher" ? ("teacher" as const) : ("case_manager" as const)]));
  return { records, title, reasonOf };
}

/**
 * A class's week on one screen: each student the actor serves in the class with their form for the
 * week (created on demand, as on the week page), the form's version, and which of its accommodations
 * apply in this class (an accommodation limited to other classes stays on the one-student form).
 * The IEP's modifications come along to read: they apply in every class and take no answer.
 */
export const classWeek = verb(ClassWeekParams, async (actor, { classId, week }) => {
  const { records, title, reasonOf } = await myClass(actor, classId);
  const district = await District.load(actor.districtId);
  if (!district) throw notFound("District");
  if (isFutureWeek(district, week)) throw futureWeek();
  const forms = await weekForms(actor, week, records);
  await Audit.recordMany(
    actor,
    forms.map((f) => ({ studentId: f.studentId, action: "fidelity.form-read", record: `fidelity-form:${f.week}`, reason: reasonOf.get(f.studentId)! })),
  );
  return {
    classId,
    title,
    week,
    late: isLateWeek(district, week),
    forms: forms.map((form) => {
      const record = records.find((r) => r.student.id === form.studentId)!;
      const iep = record.ieps.find((i) => i.version === form.iepVersion);
      const inClass = new Set((iep?.accommodations ?? []).filter((a) => !a.classIds || a.classIds.includes(classId)).map((a) => a.id));
      const acknowledged = record.acknowledgments.some((a) => a.userId === actor.userId && a.version === form.iepVersion);
      return {
        ...withBlockers({ record, district }, form, actor.userId),
        classItemIds: form.plan.accommodations.filter((a) => inClass.has(a.id)).map((a) => a.id),
        modifications: (iep?.modifications ?? []).map(({ id, text }) => ({ id, text })),
        acknowledgment: { version: form.iepVersion, required: !acknowledged },
      };
    }),
  };
});

export type ClassFormResult =
  | { id: string; status: 200; form: Awaited<ReturnType<typeof submitAnswers>> }
  | { id: string; status: 404 | 409 | 422; error: string; message: string; details?: unknown };

/**
 * Submits a class's week form by form, each in its own write (answers and submission together):
 * one result per form, submitted, 409 with the items changed elsewhere, or 422 naming what blocks it
 * (its answers then kept as the draft). A form that is not one of this class's week answers 404.
 */
export const submitClassWeek = verb(v.object({ ...ClassWeekParams.entries, ...ClassSubmit.entries }), async (actor, { classId, week, forms }) => {
  const { records } = await myClass(actor, classId);
  const mine = new Set(records.map((r) => formId(r.student.id, actor.userId, week)));
  const results = await mapLimit(forms, 4, async (input): Promise<ClassFormResult> => {
    if (!mine.has(input.id)) return { id: input.id, status: 404, error: "not_found", message: "Form not found" };
    try {
      return { id: input.id, status: 200, form: await submitAnswers(actor, input) };
    } catch (error) {
      if (error instanceof VisibleError && (error.status === 404 || error.status === 409 || error.status === 422)) {
        return { id: input.id, status: error.status, error: error.code, message: error.message, details: error.details };
      }
      throw error;
    }
  });
  return { classId, week, results };
});
