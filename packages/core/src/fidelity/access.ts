import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import type { AuditReason } from "../audit/reasons";
import { District, type DistrictInfo } from "../district";
import { getItem, keys } from "../dynamo";
import { notFound } from "../error";
import { isIdOf } from "../id";
import { Student, type StudentRecord } from "../student";
import { formItemType, lastWeekOf } from "./form";
import type { FidelityForm } from "./schema";

export const FormId = v.pipe(v.string(), v.maxLength(64));

export interface OwnForm {
  form: FidelityForm;
  record: StudentRecord;
  district: DistrictInfo;
  reason: AuditReason;
  /** The same staff member's form for the week before, when the caller asked for it (`withLastWeek`). */
  lastWeek?: { form: FidelityForm | undefined };
}

/**
 * A form is its staff member's alone, and only while they still serve the student: anyone else,
 * or a teacher the roster has since unlinked, gets 404 as if it did not exist. `withLastWeek(form)`
 * true also reads the staff member's own form of the week before (what a submission's help requests
 * compare with), beside the student and the district, once the form is known to be theirs; it is
 * handed back only when the rest of the check passes.
 */
export async function loadOwnForm(actor: UserActor, id: string, withLastWeek?: (form: FidelityForm) => boolean): Promise<OwnForm> {
  Access.requireAction(actor, "fidelity.form");
  const form = isIdOf("frm", id) ? await getItem(formItemType, keys.fidelityForm(id), true) : undefined;
  if (!form || form.staffId !== actor.userId) throw notFound("Form");
  const [record, district, lastWeek] = await Promise.all([
    Student.load(form.studentId),
    District.load(form.districtId),
    withLastWeek?.(form) ? lastWeekOf(form).then((found) => ({ form: found })) : undefined,
  ]);
  const rel = record?.relationships.find((r) => r.userId === actor.userId && (r.kind === "teacher" || r.kind === "case_manager"));
  if (!record || !district || !rel || !Access.may(actor, "fidelity.form")) throw notFound("Form");
  return { form, record, district, reason: rel.kind === "teacher" ? "teacher" : "case_manager", ...(lastWeek && { lastWeek }) };
}
