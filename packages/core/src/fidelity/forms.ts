import { clock } from "../clock";
import * as v from "valibot";
import type { AuditReason } from "../audit/reasons";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { District } from "../district";
import { batchGet, FormItems, keys, putNew, putNewItem, queryAll, transact } from "../dynamo";
import { isConditionFailure, notFound, VisibleError } from "../error";
import { relationshipItemType, Student } from "../student";
import type { StudentRecord } from "../student/items";
import { verb } from "../verb";
import { mapLimit } from "../concurrency";
import { FormId, loadOwnForm } from "./access";
import { formItem, formItemType, isFutureWeek, isInstructionDay, isLateWeek, lastWeekOf, newForm } from "./form";
import { saveForm, submitForm, withBlockers } from "./save";
import { makeUpDropped, plansForForm } from "./compensatory";
import { OpenFormsQuery, WeekQuery, type FidelityForm } from "./schema";
import { currentWeekOf } from "./minutes";
import { addWeeks, isoWeekOf, weekDays } from "./week";

export const futureWeek = () => new VisibleError(422, "future_week", "This week has not started yet; it cannot be filled in.");

/** Puts each form only if absent: concurrent first looks at a week make one form each, never two. */
async function createMissing(forms: FidelityForm[]) {
  await Promise.all(
    forms.map((form) =>
      putNewItem(formItem(form)).catch((error) => {
        if (!isConditionFailure(error)) throw error;
      }),
    ),
  );
}

/** Rewrites untouched forms with the current plan, only while still untouched (version 0). */
async function refresh(forms: FidelityForm[]): Promise<Set<string>> {
  const written = await Promise.all(
    forms.map((form) =>
      FormItems.replaceUntouched(formItem(form)).then(
        () => form.id,
        (error) => {
          if (!isConditionFailure(error)) throw error;
          return undefined;
        },
      ),
    ),
  );
  return new Set(written.filter((id) => id !== undefined));
}

/**
 * Drafts started under an IEP version that is no longer the one in effect for their week (an amendment
 * effective on or before its Friday): each moves to the new plan, keeping every answer to an item the
 * new plan still has, with its version bumped so a screen open on the old plan gets 409, not a silent
 * overwrite. Submitted forms stay as submitted. The rewrite is audited with the actor who listed.
 */
async function followAmendment(actor: UserActor, pairs: Array<{ stored: FidelityForm; wanted: FidelityForm; reason: AuditReason }>) {
  const written = await Promise.all(
    pairs.map(async ({ stored, wanted, reason }) => {
      const keep = <T extends { itemId?: string; serviceId?: string }>(list: T[], ids: string[]) =>
        list.filter((x) => ids.includes(x.itemId ?? x.serviceId ?? ""));
      const next: FidelityForm = {
        ...wanted,
        status: "draft",
        version: stored.version + 1,
        revision: stored.revision,
        accommodations: keep(
          stored.accommodations,
          wanted.plan.accommodations.map((a) => a.id),
        ),
        services: keep(
          stored.services,
          wanted.plan.services.map((x) => x.id),
        ),
        createdAt: stored.createdAt,
        updatedAt: clock.iso(),
        ...(stored.updatedBy && { updatedBy: stored.updatedBy }),
        ...(stored.lateReason && { lateReason: stored.lateReason }),
      };
      try {
        await transact([
          FormItems.replaceDraft(formItem(next), stored.version),
          putNew(
            Audit.itemFor(actor, {
              studentId: next.studentId,
              action: "fidelity.form-amend",
              record: `fidelity-form:${next.week}:iep:v${next.iepVersion}`,
              reason,
            }),
          ),
          ...makeUpDropped(stored, next),
        ]);
        return next;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return undefined;
      }
    }),
  );
  return new Map(written.filter((f) => f !== undefined).map((f) => [f.id, f]));
}

/**
 * The week's forms of the given students for the actor, one per student with something for them to
 * report: created on demand from the IEP in effect (one BatchGet for the stored ones), untouched ones
 * following an amendment, drafts following it with their answers kept. Sorted by student name.
 */
export async function weekForms(actor: UserActor, week: string, records: StudentRecord[]): Promise<FidelityForm[]> {
  const wanted = records.flatMap((record) => newForm(record, actor.userId, week) ?? []);
  const stored = await batchGet(
    formItemType,
    wanted.map((f) => keys.fidelityForm(f.id)),
    true,
  );
  const byId = new Map(stored.map((f) => [f.id, f]));
  const missing = wanted.filter((f) => !byId.has(f.id));
  // A form nobody has touched follows an amendment made since it was created; a started one keeps what its author saw.
  const outdated = wanted.filter((f) => byId.get(f.id)?.status === "not_started" && byId.get(f.id)!.iepVersion !== f.iepVersion);
  // A draft follows it too, keeping its answers to items still in the plan: forms from the effective date use the new version.
  const reasonOf = (studentId: string) =>
    records.find((r) => r.student.id === studentId)!.relationships.some((r) => r.userId === actor.userId && r.kind === "teacher")
      ? ("teacher" as const)
      : ("case_manager" as const);
  const draftsBehind = wanted.flatMap((f) => {
    const stored = byId.get(f.id);
    return stored?.status === "draft" && stored.iepVersion !== f.iepVersion ? [{ stored, wanted: f, reason: reasonOf(f.studentId) }] : [];
  });
  const [, fresh, moved] = await Promise.all([createMissing(missing), refresh(outdated), followAmendment(actor, draftsBehind)]);
  return wanted.map((f) => (fresh.has(f.id) ? f : (moved.get(f.id) ?? byId.get(f.id) ?? f))).sort((a, b) => a.studentName.localeCompare(b.studentName));
}

/**
 * My forms for a week: one per student I serve that has something for me to report that week,
 * created on demand from the IEP in effect and the items that apply to me. One Query for my links,
 * one per served student (10 at a time), one BatchGet for the forms. Without a week, the week that
 * holds the district's today (its time zone, whatever the reader's device says); the answer names it.
 */
export const listForWeek = verb(WeekQuery, async (actor, query) => {
  Access.requireAction(actor, "fidelity.form");
  const district = await District.load(actor.districtId);
  if (!district) throw notFound("District");
  const week = query.week ?? currentWeekOf(district);
  if (isFutureWeek(district, week)) throw futureWeek();
  const links = (await queryAll(relationshipItemType, keys.studentsOfUser(actor.userId))).filter((r) => r.kind === "teacher" || r.kind === "case_manager");
  const records = (await mapLimit(links, 10, (link) => Student.load(link.studentId))).filter((r) => r !== undefined);
  const forms = await weekForms(actor, week, records);
  await Audit.recordMany(
    actor,
    forms.map((f) => ({
      studentId: f.studentId,
      action: "fidelity.form-list",
      record: `fidelity-form:${f.week}`,
      reason: records.find((r) => r.student.id === f.studentId)!.relationships.some((r) => r.userId === actor.userId && r.kind === "teacher")
        ? "teacher"
        : "case_manager",
    })),
  );
  return {
    week,
    items: forms.map((f) => ({
      id: f.id,
      studentId: f.studentId,
      studentName: f.studentName,
      classIds: f.classIds,
      week: f.week,
      status: f.status,
      version: f.version,
    })),
  };
});

/**
 * One form with what the screen needs around it: the acknowledgment the IEP version asks for, whether
 * a save needs a reason (late week, or a correction after submitting), last week's answers for
 * "same as last week", the earlier revisions, and the days of the week a session can be put on.
 */
export const getForm = verb(v.object({ id: FormId }), async (actor, { id }) => {
  const own = await loadOwnForm(actor, id);
  const { record, district, reason } = own;
  // Opened by its link, a draft follows an amendment for its week as a listed one does.
  const wanted = own.form.status === "draft" ? newForm(record, own.form.staffId, own.form.week) : undefined;
  const moved =
    wanted && wanted.iepVersion !== own.form.iepVersion ? (await followAmendment(actor, [{ stored: own.form, wanted, reason }])).get(id) : undefined;
  const form = moved ?? own.form;
  const [previous, revisions, makeUpPlans] = await Promise.all([
    lastWeekOf(form),
    queryAll(formItemType, keys.fidelityFormRevisions(form.id)),
    plansForForm(form),
    Audit.record(actor, { studentId: form.studentId, action: "fidelity.form-read", record: `fidelity-form:${form.week}`, reason }),
  ]);
  const ack = record.acknowledgments.find((a) => a.userId === actor.userId && a.version === form.iepVersion);
  const late = isLateWeek(district, form.week);
  const needsReason: "correction" | "late" | null = form.status === "submitted" ? "correction" : late && !form.lateReason ? "late" : null;
  // The days a session can be put on: the week's school days on the district's calendar (closures and
  // the days outside the school year left out); a week with none offers Monday to Friday.
  const instruction = weekDays(form.week).filter((day) => isInstructionDay(district, day));
  return {
    ...withBlockers({ record, district }, form, actor.userId),
    acknowledgment: { version: form.iepVersion, required: !ack, acknowledgedAt: ack?.at ?? null },
    needsReason,
    /** The make-up plans this staff member gives for the form's services: a make-up session names one. */
    makeUpPlans: makeUpPlans.map((p) => ({ id: p.id, serviceId: p.serviceId, plan: p.plan, minutes: p.minutes, dueOn: p.dueOn })),
    days: instruction.length ? instruction : weekDays(form.week),
    previous:
      previous && previous.status !== "not_started" ? { week: previous.week, accommodations: previous.accommodations, services: previous.services } : null,
    history: revisions.map((r) => ({
      revision: r.revision,
      status: r.status,
      submittedAt: r.submittedAt ?? null,
      updatedAt: r.updatedAt,
      correctionReason: r.correctionReason ?? null,
      accommodations: r.accommodations,
      services: r.services,
    })),
  };
});

/**
 * My forms still open (draft, or listed and not started) from the school year's weeks before `before`:
 * the teacher's week page shows them beside this week's, so "all submitted" is never said while an
 * older one waits. One Query of each served student's forms in that window (10 at a time); weeks with
 * no school day are left out. A week nobody ever listed has no form to show (the reminders cover it).
 */
export const listOpenBefore = verb(OpenFormsQuery, async (actor, { before }) => {
  Access.requireAction(actor, "fidelity.form");
  const district = await District.load(actor.districtId);
  if (!district) throw notFound("District");
  const first = isoWeekOf(district.calendar.firstDay);
  const last = addWeeks(before, -1);
  if (last < first) return { items: [] };
  const links = (await queryAll(relationshipItemType, keys.studentsOfUser(actor.userId))).filter((r) => r.kind === "teacher" || r.kind === "case_manager");
  const found = await mapLimit(links, 10, (link) => queryAll(formItemType, keys.fidelityFormsOfStudent(link.studentId, first, last)));
  const schoolWeek = (week: string) => weekDays(week).some((day) => isInstructionDay(district, day));
  const open = found
    .flat()
    .filter((f) => f.staffId === actor.userId && f.status !== "submitted" && f.week >= first && f.week <= last && schoolWeek(f.week))
    .sort((a, b) => b.week.localeCompare(a.week) || a.studentName.localeCompare(b.studentName));
  const reasonOf = new Map(links.map((l) => [l.studentId, l.kind === "teacher" ? ("teacher" as const) : ("case_manager" as const)]));
  await Audit.recordMany(
    actor,
    [...new Set(open.map((f) => f.studentId))].map((studentId) => ({
      studentId,
      action: "fidelity.form-list",
      record: "fidelity-form:open",
      reason: reasonOf.get(studentId)!,
    })),
  );
  return {
    items: open.map((f) => ({
      id: f.id,
      studentId: f.studentId,
      studentName: f.studentName,
      classIds: f.classIds,
      week: f.week,
      status: f.status,
      version: f.version,
    })),
  };
});

export const save = saveForm;
export const submit = submitForm;
