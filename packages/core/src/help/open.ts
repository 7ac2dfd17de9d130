import type { Actor } from "../actor";
import type { AuditReason } from "../audit/reasons";
import { Audit } from "../audit";
import { addSchoolDays, localDate } from "../calendar";
import { clock } from "../clock";
import { defaultTimeZone, type DistrictInfo } from "../district/schema";
import { batchGet, HelpRequestItems, keys, putNew, transact, type TransactOp } from "../dynamo";
import { isConditionFailure } from "../error";
import { lastWeekOf } from "../fidelity/form";
import type { FidelityForm } from "../fidelity/schema";
import { newId } from "../id";
import { Outbox } from "../outbox";
import type { StudentRecord } from "../student/items";
import { User, type UserInfo } from "../user";
import { helpOpenedEmail } from "./emails";
import { defaultHelpDueSchoolDays, type HelpRequest } from "./schema";
import { helpAsked, newlyAsked, type Asked } from "./triggers";

/** The end of the school day `helpRequestDueSchoolDays` after `now`, on the district's calendar (closures skipped). */
export function helpDue(district: DistrictInfo, now: Date) {
  const dueAt = addSchoolDays(district, now, district.helpRequestDueSchoolDays ?? defaultHelpDueSchoolDays);
  return { dueAt: dueAt.toISOString(), dueOn: localDate(dueAt, district.timeZone ?? defaultTimeZone) };
}

/** A request as opened now (or at `fixed`), due in school days on the district's calendar. */
function newRequest(
  asked: Asked,
  form: Pick<FidelityForm, "id" | "districtId" | "schoolId" | "studentId" | "studentName" | "staffId" | "staffName" | "week">,
  caseManager: { id: string; name: string },
  district: DistrictInfo,
  fixed?: { id: string; createdAt: string },
): HelpRequest {
  const now = fixed ? new Date(fixed.createdAt) : clock.now();
  return {
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
}

/** The requests' writes for one transaction: their items and counts, an audit entry each and, when the case manager can sign in, an email each (outbox). */
const openingOps = (actor: Actor, reason: AuditReason, requests: HelpRequest[], to: UserInfo | undefined): TransactOp[] => [
  ...HelpRequestItems.openAll(requests as Array<HelpRequest & Record<string, unknown>>),
  ...requests.map((r) => putNew(Audit.itemFor(actor, { studentId: r.studentId, action: "help.open", record: `help:${r.id}`, reason }))),
  ...(to && User.canSignIn(to) ? requests.map((r) => Outbox.email(helpOpenedEmail(to, r))) : []),
];

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
  const request = newRequest(asked, form, caseManager, district, fixed);
  try {
    await transact(openingOps(actor, reason, [request], await User.get(caseManager.id)));
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

export interface HelpOpening {
  requests: HelpRequest[];
  ops: TransactOp[];
  afterCommit: () => Promise<unknown>;
}
const nothingToOpen: HelpOpening = { requests: [], ops: [], afterCommit: async () => [] };

/**
 * What a form being submitted (or a submitted form being corrected) asks for, as writes for the form's
 * own transaction, so a request opens with the submission or neither does: each support its own
 * request to the student's case manager. A correction asks only what the revision it replaces did not.
 * A support with a request already open (its claim, read consistently) is left out; one claimed by
 * another submission meanwhile makes the claim refuse the transaction, and the caller reads again
 * (fidelity/save.ts `write`). `room` is how many transaction operations are left.
 */
export async function helpOpening(
  actor: Actor,
  reason: AuditReason,
  form: FidelityForm,
  record: StudentRecord,
  district: DistrictInfo,
  replaced: FidelityForm | undefined,
  room: number,
  /** The staff member's form of the week before, when the caller has read it already; else it is read here. */
  read?: { lastWeek: FidelityForm | undefined },
): Promise<HelpOpening> {
  const caseManager = caseManagerOf(record, form.staffId);
  if (!caseManager) return nothingToOpen;
  const lastWeek = read ? read.lastWeek : await lastWeekOf(form);
  const asked = helpAsked(form, lastWeek);
  const fresh = replaced ? newlyAsked(asked, helpAsked(replaced, lastWeek)) : asked;
  if (!fresh.length) return nothingToOpen;
  const [claims, to] = await Promise.all([
    batchGet(
      fresh.map((a) => keys.helpOpen(form.studentId, a.itemId)),
      true,
    ),
    User.get(caseManager.id),
  ]);
  const claimed = new Set(claims.map((c) => String(c.sk)));
  const unclaimed = fresh.filter((a) => !claimed.has(a.itemId));
  const all = unclaimed.map((a) => newRequest(a, form, caseManager, district));
  // As many as the transaction holds: one request's operations, counted from the writes themselves,
  // less the school's count, which several requests of one school share.
  const each = all.length ? openingOps(actor, reason, all.slice(0, 1), to).length - 1 : 1;
  const fit = Math.max(0, Math.floor((room - 1) / each));
  const requests = all.slice(0, fit);
  // Past what one transaction holds (a form asking about more supports than that at once), the rest
  // open right after the form commits, each in its own transaction.
  const later = unclaimed.slice(fit);
  return {
    requests,
    ops: requests.length ? openingOps(actor, reason, requests, to) : [],
    afterCommit: () => Promise.all(later.map((a) => openHelpRequest(actor, reason, a, form, caseManager, district))),
  };
}
