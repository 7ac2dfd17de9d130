import type { AuditAction } from "../audit/actions";
import * as v from "valibot";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { FormItems, getItem, isConditionFailureAt, keys, putNew, refusedOperations, transactRetryingConflicts, type TransactOp } from "../dynamo";
import { isConditionFailure, VisibleError } from "../error";
import { verb } from "../verb";
import { FormId, loadOwnForm, type OwnForm } from "./access";
import { itemBlockers, submitBlockers } from "./blockers";
import { formItem, formItemType, isFutureWeek, isLateWeek } from "./form";
import { FormSave, FormSubmit, isMiss, type FidelityForm } from "./schema";
import { weekDays } from "./week";
import { clock } from "../clock";
import { formCountOps } from "../patterns/counts";
import { Patterns } from "../patterns/after-write";
import { helpOpening } from "../help/open";
import { checkMakeUp, makeUpRefusal } from "./compensatory";

const unprocessable = (code: string, message: string, details?: unknown) => new VisibleError(422, code, message, details);

/** What a stale writer would overwrite: the items whose stored answers differ from theirs. */
function changedItems(stored: FidelityForm, sent: Pick<FidelityForm, "accommodations" | "services">) {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const accommodations = stored.plan.accommodations
    .map((p) => p.id)
    .filter(
      (id) =>
        !same(
          stored.accommodations.find((a) => a.itemId === id),
          sent.accommodations.find((a) => a.itemId === id),
        ),
    );
  const differs = (id: string, part: "sessions" | "makeUp") =>
    !same(
      stored.services.find((s) => s.serviceId === id)?.[part] ?? (part === "makeUp" ? [] : undefined),
      sent.services.find((s) => s.serviceId === id)?.[part] ?? (part === "makeUp" ? [] : undefined),
    );
  const serviceIds = stored.plan.services.map((p) => p.id);
  // A service is listed when its sessions or its make-up sessions differ; `makeUp` names those whose make-up sessions do.
  const makeUp = serviceIds.filter((id) => differs(id, "makeUp"));
  const services = serviceIds.filter((id) => differs(id, "sessions") || makeUp.includes(id));
  return { accommodations, services, makeUp };
}

/** 409 naming who saved meanwhile and which items now differ, so the screen can show them instead of losing either side. */
async function staleConflict(id: string, sent: Pick<FidelityForm, "accommodations" | "services">) {
  const current = await getItem(formItemType, keys.fidelityForm(id), true);
  return new VisibleError(409, "conflict", "This form was saved elsewhere after you opened it; review the changes and save again.", {
    version: current?.version,
    status: current?.status,
    updatedAt: current?.updatedAt,
    changed: current ? changedItems(current, sent) : undefined,
  });
}

function checkNotFuture(own: OwnForm) {
  if (isFutureWeek(own.district, own.form.week)) throw unprocessable("future_week", "This week has not started yet; it cannot be filled in.");
}

function checkWeek(own: OwnForm, reason: string | undefined) {
  checkNotFuture(own);
  if (isLateWeek(own.district, own.form.week) && !own.form.lateReason && !reason) {
    throw unprocessable("reason_required", "This week is past the district's grace period: say why it is recorded late.");
  }
}

/** 422 naming each item still unanswered or missing its note; nothing is written. */
function checkComplete(form: FidelityForm) {
  const items = itemBlockers(form);
  if (items.length)
    throw unprocessable("incomplete", "Answer every accommodation, with why it was missed and a note where needed, before submitting.", {
      itemIds: items.map((i) => i.itemId),
      items,
    });
}

/** The form as saved, with what still stops it from being submitted. */
export function withBlockers(own: Pick<OwnForm, "record" | "district">, form: FidelityForm, userId: string) {
  const acknowledged = own.record.acknowledgments.some((a) => a.userId === userId && a.version === form.iepVersion);
  return { ...form, blockers: submitBlockers(form, { acknowledged, late: isLateWeek(own.district, form.week) }) };
}

function checkAnswers(form: FidelityForm, input: FormSave) {
  const days = new Set(weekDays(form.week));
  const unknown = [
    ...input.accommodations.filter((a) => !form.plan.accommodations.some((p) => p.id === a.itemId)).map((a) => a.itemId),
    ...input.services.filter((s) => !form.plan.services.some((p) => p.id === s.serviceId)).map((s) => s.serviceId),
  ];
  if (unknown.length) throw unprocessable("unknown_item", "The form does not list some of these items.", { itemIds: unknown });
  const stray = input.accommodations.filter((a) => a.reason && !isMiss(a.status)).map((a) => a.itemId);
  if (stray.length) throw unprocessable("reason_without_miss", "Only a support not provided, or partly, takes a reason.", { itemIds: stray });
  const helpedStray = input.accommodations.filter((a) => a.helped && a.status !== "provided").map((a) => a.itemId);
  if (helpedStray.length)
    throw unprocessable("helped_without_provided", "Only a support provided in full can say whether it helped.", { itemIds: helpedStray });
  const outside = input.services.flatMap((s) => s.sessions.filter((x) => !days.has(x.date)).map((x) => x.date));
  if (outside.length) throw unprocessable("date_outside_week", "Sessions must fall on the form's school week (Monday to Friday).", { dates: outside });
}

/** The student's note as sent, or as stored when the save does not carry one ("" clears it). */
const noteOf = (input: { note?: string }, form: FidelityForm) => input.note ?? form.note;

/** What one TransactWriteItems may hold (DynamoDB's limit). */
const TRANSACTION_LIMIT = 100;
/** Times a submission is written again when only another submission's claim on a help request refused it. */
const HELP_CLAIM_ATTEMPTS = 3;

/**
 * The form write and its audit entry in one transaction; a correction also keeps what it replaces, and
 * `makeUp` holds the make-up plans' counter updates (compensatory.ts `checkMakeUp`) that must commit with it.
 * A submission (or correction) also opens, in the same transaction, the help requests it asks for
 * (help/open.ts `helpOpening`): they commit with the form or not at all. When another submission claimed
 * one of the same supports meanwhile, the claim refuses the transaction; the help is read again (that
 * support now open) and the form written again.
 */
async function write(
  actor: UserActor,
  own: OwnForm,
  next: FidelityForm,
  expectedVersion: number,
  action: AuditAction,
  keep?: FidelityForm,
  makeUp: TransactOp[] = [],
) {
  const ops: TransactOp[] = [
    FormItems.save(formItem(next), expectedVersion),
    putNew(Audit.itemFor(actor, { studentId: next.studentId, action, record: `fidelity-form:${next.week}:r${next.revision}`, reason: own.reason })),
  ];
  if (keep) ops.push(putNew({ ...keys.fidelityFormRevision(keep.id, keep.revision), type: "fidelity-form-revision", ...keep }));
  const counts = next.status === "submitted" ? formCountOps(next, keep, own.record, own.district) : [];
  const first = [...ops, ...counts, ...makeUp];
  const askHelp = () =>
    next.status === "submitted"
      ? helpOpening(actor, own.reason, next, own.record, own.district, keep, TRANSACTION_LIMIT - first.length, own.lastWeek && { lastWeek: own.lastWeek.form })
      : Promise.resolve(undefined);
  for (let attempt = 1; ; attempt++) {
    const help = await askHelp();
    try {
      await transactRetryingConflicts([...first, ...(help?.ops ?? [])]);
      // Only a form asking about more supports at once than one transaction holds has any left here.
      await help
        ?.afterCommit()
        .catch((e: Error) =>
          console.error(JSON.stringify({ level: "error", msg: "opening help requests failed", formId: next.id, name: e.name, message: e.message })),
        );
      break;
    } catch (error) {
      const refused = refusedOperations(error);
      if (help?.ops.length && refused.length && refused.every((i) => i >= first.length) && attempt < HELP_CLAIM_ATTEMPTS) continue;
      const refusal = isConditionFailureAt(error, 0) ? undefined : await makeUpRefusal(error, ops.length + counts.length, makeUp, own.form, next.services);
      if (refusal) throw refusal;
      if (isConditionFailure(error)) throw await staleConflict(next.id, next);
      throw error;
    }
  }
  if (counts.length) await Patterns.afterFormWrite(next, own.district);
  return next;
}

/**
 * Saves a draft: every answer is kept, complete or not (a "not applicable" still waiting for its note,
 * a late week still waiting for its reason), and the answer names what still blocks submitting. A
 * submitted form is locked: changing it is a correction, which needs a reason and complete answers,
 * and becomes a new revision, the submitted one kept as history.
 */
export const saveForm = verb(v.object({ id: FormId, ...FormSave.entries }), async (actor, { id, ...input }) => {
  // A correction of a submitted form opens help requests as a submission does: last week's form is read beside the student.
  const own = await loadOwnForm(actor, id, (stored) => stored.status === "submitted");
  const { form } = own;
  if (form.version !== input.version) throw await staleConflict(id, input);
  checkNotFuture(own);
  checkAnswers(form, input);
  const makeUp = await checkMakeUp(form, input.services);
  const now = clock.iso();
  const answers = {
    accommodations: input.accommodations,
    services: input.services,
    ...(noteOf(input, form) !== undefined && { note: noteOf(input, form) }),
    updatedAt: now,
    updatedBy: actor.userId,
    version: form.version + 1,
  };
  if (form.status === "submitted") {
    if (!input.reason) throw new VisibleError(409, "form_submitted", "This form was submitted; a correction needs a reason.");
    const next = { ...form, ...answers, revision: form.revision + 1, correctionReason: input.reason };
    checkComplete(next);
    return withBlockers(own, await write(actor, own, next, input.version, "fidelity.form-correct", form, makeUp), actor.userId);
  }
  const lateReason = form.lateReason ?? (isLateWeek(own.district, form.week) ? input.reason : undefined);
  const saved = await write(
    actor,
    own,
    { ...form, ...answers, status: "draft", ...(lateReason && { lateReason }) },
    input.version,
    "fidelity.form-save",
    undefined,
    makeUp,
  );
  return withBlockers(own, saved, actor.userId);
});

/**
 * Locks the form. The IEP version it reports on must be acknowledged first (409), a late week needs
 * its reason (422 reason_required), and every accommodation an answer, with its note where it did not
 * apply (422 incomplete, naming the items).
 */
export const submitForm = verb(v.object({ id: FormId, ...FormSubmit.entries }), async (actor, { id, version, reason }) => {
  const own = await loadOwnForm(actor, id, () => true);
  const { form, record } = own;
  if (form.version !== version) throw await staleConflict(id, form);
  if (form.status === "submitted") throw new VisibleError(409, "form_submitted", "This form is already submitted.");
  checkWeek(own, reason);
  if (!record.acknowledgments.some((a) => a.userId === actor.userId && a.version === form.iepVersion)) {
    throw new VisibleError(409, "acknowledgment_required", "Acknowledge what this IEP version asks of you before submitting.", { version: form.iepVersion });
  }
  checkComplete(form);
  const now = clock.iso();
  const lateReason = form.lateReason ?? (isLateWeek(own.district, form.week) ? reason : undefined);
  const next: FidelityForm = {
    ...form,
    status: "submitted",
    submittedAt: now,
    updatedAt: now,
    updatedBy: actor.userId,
    version: form.version + 1,
    ...(lateReason && { lateReason }),
  };
  return withBlockers(own, await write(actor, own, next, form.version, "fidelity.form-submit"), actor.userId);
});

/**
 * Saves the answers and submits them in one write: the form as answered is submitted when nothing
 * blocks it; otherwise the answers are kept as the draft and 422 names what still blocks it (with the
 * saved version), so no answer is lost. A stale version is 409 with the items that differ.
 */
export const submitAnswers = verb(v.object({ id: FormId, ...FormSave.entries }), async (actor, { id, reason, ...input }) => {
  const own = await loadOwnForm(actor, id, () => true);
  const { form } = own;
  if (form.version !== input.version) throw await staleConflict(id, input);
  if (form.status === "submitted") throw new VisibleError(409, "form_submitted", "This form is already submitted.");
  checkNotFuture(own);
  checkAnswers(form, input);
  const makeUp = await checkMakeUp(form, input.services);
  const now = clock.iso();
  const lateReason = form.lateReason ?? (isLateWeek(own.district, form.week) ? reason : undefined);
  const answered: FidelityForm = {
    ...form,
    accommodations: input.accommodations,
    services: input.services,
    ...(noteOf(input, form) !== undefined && { note: noteOf(input, form) }),
    updatedAt: now,
    updatedBy: actor.userId,
    version: form.version + 1,
    ...(lateReason && { lateReason }),
  };
  const { blockers } = withBlockers(own, { ...answered, status: "draft" }, actor.userId);
  if (blockers.length) {
    const saved = await write(actor, own, { ...answered, status: "draft" }, input.version, "fidelity.form-save", undefined, makeUp);
    throw unprocessable("not_submitted", "Your answers are saved; something still stops this form from being submitted.", {
      version: saved.version,
      blockers,
    });
  }
  const submitted = await write(actor, own, { ...answered, status: "submitted", submittedAt: now }, input.version, "fidelity.form-submit", undefined, makeUp);
  return withBlockers(own, submitted, actor.userId);
});
