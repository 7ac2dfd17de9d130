import type { Actor } from "../actor";
import type { AuditReason } from "../audit/reasons";
import { Audit } from "../audit";
import { addSchoolDays, localDate } from "../calendar";
import { clock } from "../clock";
import { defaultTimeZone, type DistrictInfo } from "../district/schema";
import { getItem, HelpRequestItems, keys, putNew, transact, type TransactOp } from "../dynamo";
import { isConditionFailure } from "../error";
import { formId, formItemType } from "../fidelity/form";
import type { FidelityForm } from "../fidelity/schema";
import { addWeeks } from "../fidelity/week";
import { newId } from "../id";
import { Outbox } from "../outbox";
import type { StudentRecord } from "../student/items";
import { User } from "../user";
import { helpOpenedEmail } from "./emails";
import { defaultHelpDueSchoolDays, type HelpRequest } from "./schema";
import { helpAsked, newlyAsked, type Asked } from "./triggers";

/** The end of the school day `helpRequestDueSchoolDays` after `now`, on the district's calendar (closures skipped). */
export function helpDue(district: DistrictInfo, now: Date) {
  const dueAt = addSchoolDays(district, now, district.helpRequestDueSchoolDays ?? defaultHelpDueSchoolDays);
  return { dueAt: dueAt.toISOString(), dueOn: localDate(dueAt, district.timeZone ?? defaultTimeZone) };
}

/**
 * Opens one help request in its own transaction, with its email to the case manager (outbox, in their
 * language) and its audit entry. While a request for the same student and support is open, the claim
 * refuses the write and nothing is opened: answers `undefined`.
 */
export async function openHelpRequest(
  actor: Actor,
  reason: AuditReason,
  asked: Asked,
  form: Pick<FidelityForm, "id" | "districtId" | "schoolId" | "studentId" | "studentName" | "staffId" | "staffName" | "week">,
  caseManager: { id: string; name: string },
  district: DistrictInfo,
  fixed?: { id: string; createdAt: string },
): Promise<HelpRequest | undefined> {
  const now = fixed ? new Date(fixed.createdAt) : clock.now();
  const request: HelpRequest = {
    id: fixed?.id ?? newId("hlp"),
    districtId: form.districtId,
    schoolId: form.schoolId,
    studentId: form.studentId,
    studentName: form.studentName,
    itemId: asked.itemId,
    itemText: asked.itemText,
    trigger: asked.trigger,
    ...(asked.note && { note: asked.note }),
    formId: form.id,
    week: form.week,
    teacherId: form.staffId,
    teacherName: form.staffName,
    caseManagerId: caseManager.id,
    caseManagerName: caseManager.name,
    status: "open",
    createdAt: now.toISOString(),
    ...helpDue(district, now),
    version: 1,
    comments: [],
  };
  const to = await User.get(caseManager.id);
  const ops: TransactOp[] = [
    ...HelpRequestItems.open(request as HelpRequest & Record<string, unknown>),
    putNew(Audit.itemFor(actor, { studentId: form.studentId, action: "help.open", record: `help:${request.id}`, reason })),
  ];
  if (to && User.canSignIn(to)) ops.push(Outbox.email(helpOpenedEmail(to, request)));
  try {
    await transact(ops);
    return request;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** The student's case manager a teacher's request goes to: none when the teacher is that case manager. */
export const caseManagerOf = (record: StudentRecord, staffId: string) => {
  const rel = record.relationships.find((r) => r.kind === "case_manager" && r.userId !== staffId);
  return rel && { id: rel.userId, name: rel.userName };
};

/**
 * After a form is submitted (or a submitted form corrected): the help it asks for, each support its
 * own request to the student's case manager. A correction opens only what the revision it replaces
 * did not ask. Runs once the form's write has committed; a request already open for the same student
 * and support is left as it is. Answers the requests opened.
 */
export async function openRequestsOf(
  actor: Actor,
  reason: AuditReason,
  form: FidelityForm,
  record: StudentRecord,
  district: DistrictInfo,
  replaced?: FidelityForm,
) {
  const caseManager = caseManagerOf(record, form.staffId);
  if (!caseManager) return [];
  const lastWeek = await getItem(formItemType, keys.fidelityForm(formId(form.studentId, form.staffId, addWeeks(form.week, -1))));
  const asked = helpAsked(form, lastWeek);
  const fresh = replaced ? newlyAsked(asked, helpAsked(replaced, lastWeek)) : asked;
  const opened = await Promise.all(fresh.map((a) => openHelpRequest(actor, reason, a, form, caseManager, district)));
  return opened.filter((r) => r !== undefined);
}
