import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import type { AuditReason } from "../audit/reasons";
import { District, type DistrictInfo } from "../district";
import { getItem, keys } from "../dynamo";
import { notFound } from "../error";
import { isIdOf } from "../id";
import { Student, type StudentRecord } from "../student";
import { formItemType } from "./form";
import type { FidelityForm } from "./schema";

export const FormId = v.pipe(v.string(), v.maxLength(64));

export interface OwnForm {
  form: FidelityForm;
  record: StudentRecord;
  district: DistrictInfo;
  reason: AuditReason;
}

/**
 * A form is its staff member's alone, and only while they still serve the student: anyone else,
 * or a teacher the roster has since unlinked, gets 404 as if it did not exist.
 */
export async function loadOwnForm(actor: UserActor, id: string): Promise<OwnForm> {
  Access.requireAction(actor, "fidelity.form");
  const form = isIdOf("frm", id) ? await getItem(formItemType, keys.fidelityForm(id), true) : undefined;
  if (!form || form.staffId !== actor.userId) throw notFound("Form");
  const [record, district] = await Promise.all([Student.load(form.studentId), District.load(form.districtId)]);
  const rel = record?.relationships.find((r) => r.userId === actor.userId && (r.kind === "teacher" || r.kind === "case_manager"));
  if (!record || !district || !rel || !Access.may(actor, "fidelity.form")) throw notFound("Form");
  return { form, record, district, reason: rel.kind === "teacher" ? "teacher" : "case_manager" };
}
