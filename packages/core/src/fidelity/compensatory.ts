import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { clock, districtToday } from "../clock";
import { District } from "../district";
import type { DistrictInfo } from "../district/schema";
import { CompensatoryItems, isConditionFailureAt, itemType, keys, putNew, queryAll, transactRetryingConflicts, type TransactOp } from "../dynamo";
import { notFound, VisibleError } from "../error";
import { isIdOf, newId } from "../id";
import { Iep } from "../iep";
import type { Problem } from "../problem";
import { Student, type StudentRecord } from "../student";
import { studentName } from "../student/schema";
import { CompensatoryInput, type CompensatoryPlanView } from "./compensatory-schema";
import { formItemType, planFor } from "./form";
import { currentWeekOf } from "./minutes";
import type { FidelityForm, ServiceAnswer } from "./schema";
import { studentMinutes } from "./student-report";
import { isoWeekOf, weekDays } from "./week";
import { windowOf } from "./window";

/**
 * Make-up (compensatory) minutes: the case manager (or the director) plans how a service's owed
 * minutes will be made up, by whom and by when; the provider records each make-up session on the
 * weekly form against the plan (`makeUp` on the service answer); the owed balance (minutes.ts)
 * counts them, and a plan past its due day with minutes left is on the director's board. The family
 * sees each plan, what was delivered and what remains. See docs/rights.md.
 */
const StoredPlan = v.object({
  id: v.string(),
  districtId: v.string(),
  studentId: v.string(),
  studentName: v.string(),
  serviceId: v.string(),
  serviceName: v.string(),
  minutes: v.number(),
  plan: v.string(),
  provider: v.object({ id: v.string(), name: v.string() }),
  dueOn: v.string(),
  createdOn: v.string(),
  createdAt: v.string(),
  createdBy: v.object({ id: v.string(), name: v.string() }),
});
type StoredPlan = v.InferOutput<typeof StoredPlan>;
const planItem = itemType("compensatory plan", StoredPlan);
const dueItem = itemType("compensatory due", v.object({ districtId: v.string(), studentId: v.string(), planId: v.string(), dueOn: v.string() }));

const unprocessable = (field: string, code: string, message: string, params?: Record<string, number | string>) =>
  new VisibleError(422, code, message, [{ field, code, message, ...(params && { params }) }] satisfies Problem[]);

async function studentOf(studentId: string): Promise<StudentRecord | undefined> {
  return isIdOf("stu", studentId) ? await Student.load(studentId) : undefined;
}

async function districtOf(record: StudentRecord): Promise<DistrictInfo> {
  const district = await District.load(record.student.districtId);
  if (!district) throw notFound("Student");
  return district;
}

/** Make-up minutes each plan has had, from the make-up sessions recorded on the student's forms (drafts and submitted). */
export function makeUpByPlan(forms: FidelityForm[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const form of forms) {
    if (form.status === "not_started") continue;
    for (const answer of form.services) for (const s of answer.makeUp ?? []) out.set(s.planId, (out.get(s.planId) ?? 0) + s.minutes);
  }
  return out;
}

/** The plans with what each has delivered and what remains, read from the forms of the weeks since the first plan began. */
async function withDelivery(plans: StoredPlan[], district: Pick<DistrictInfo, "timeZone">, now = clock.now()): Promise<CompensatoryPlanView[]> {
  if (plans.length === 0) return [];
  const studentId = plans[0]!.studentId;
  const from = plans.map((p) => isoWeekOf(p.createdOn)).sort()[0]!;
  const forms = await queryAll(formItemType, keys.fidelityFormsOfStudent(studentId, from, currentWeekOf(district, now)));
  const made = makeUpByPlan(forms);
  const today = districtToday(district, now);
  return plans
    .map((p) => {
      const delivered = made.get(p.id) ?? 0;
      const remaining = Math.max(0, p.minutes - delivered);
      return {
        id: p.id,
        serviceId: p.serviceId,
        serviceName: p.serviceName,
        minutes: p.minutes,
        plan: p.plan,
        provider: p.provider,
        dueOn: p.dueOn,
        createdOn: p.createdOn,
        createdBy: p.createdBy,
        delivered,
        remaining,
        overdue: remaining > 0 && p.dueOn < today,
      };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
}

/** A student's plans with delivery, for a reading already audited by its caller (the evidence packet). */
export const plansWithDelivery = async (studentId: string, district: Pick<DistrictInfo, "timeZone">) => withDelivery(await storedPlansOf(studentId), district);

/** The student's plans as stored (one Query of the student's plan partition). */
export const storedPlansOf = (studentId: string) => queryAll(planItem, keys.compensatoryPlansOf(studentId));

/**
 * Each service's owed balance this school year and what of it is still free to plan: owed (make-up
 * minutes already held counted) less what the student's plans have yet to deliver.
 */
async function balances(record: StudentRecord, district: DistrictInfo, plans: CompensatoryPlanView[], now = clock.now()) {
  const minutes = await studentMinutes(record, district, windowOf(district, { period: "school_year" }, now), now);
  return minutes.services.map((s) => {
    const planned = plans.filter((p) => p.serviceId === s.serviceId).reduce((sum, p) => sum + p.remaining, 0);
    return { serviceId: s.serviceId, name: s.name, owed: s.owed, planned, available: Math.max(0, s.owed - planned) };
  });
}

/**
 * A student's make-up plans, each with its minutes delivered and remaining, for everyone who may see
 * the student's minutes (Access `fidelity.read`: the family, the team, the director); staff who may
 * plan also get each service's balance still free to plan and the providers they may name. Audited.
 */
export async function listPlans(actor: UserActor, studentId: string) {
  const record = await studentOf(studentId);
  const grant = Access.toStudent(actor, "fidelity.read", record);
  const district = await districtOf(record!);
  const now = clock.now();
  const plans = await withDelivery(await storedPlansOf(studentId), district, now);
  const mayPlan = grantsPlan(actor, record!);
  await Audit.record(actor, { studentId, action: "compensatory.read", record: `compensatory:${studentId}`, reason: grant.reason });
  return {
    items: plans,
    canPlan: mayPlan,
    ...(mayPlan && { balances: await balances(record!, district, plans, now), providers: providersOf(record!, district, now) }),
  };
}

const grantsPlan = (actor: UserActor, record: StudentRecord) => {
  try {
    Access.toStudent(actor, "compensatory.write", record);
    return true;
  } catch {
    return false;
  }
};

/** Who may give each service's make-up sessions: the team members who account for it under the IEP in effect today. */
function providersOf(record: StudentRecord, district: DistrictInfo, now: Date) {
  const iep = Iep.inEffect(record.ieps, districtToday(district, now)) ?? record.ieps.at(-1);
  if (!iep) return [];
  return record.relationships
    .filter((r) => r.kind !== "guardian")
    .map((r) => ({ id: r.userId, name: r.userName, serviceIds: planFor(record, r.userId, iep)?.services.map((s) => s.id) ?? [] }))
    .filter((p) => p.serviceIds.length > 0);
}

/**
 * Records a make-up plan: the student's case manager or the director (Access `compensatory.write`;
 * anyone else 403, or 404 for a student not theirs). 422 names the field: a service not in the IEP,
 * a provider who does not give that service, a due day already past in the district's zone, or more
 * minutes than the service's balance still free to plan. The plan, its due-day entry and the audit
 * entry are one transaction.
 */
export async function createPlan(actor: UserActor, studentId: string, input: v.InferInput<typeof CompensatoryInput>) {
  const body = v.parse(CompensatoryInput, input);
  const record = await studentOf(studentId);
  const grant = Access.toStudent(actor, "compensatory.write", record);
  const district = await districtOf(record!);
  const now = clock.now();
  const today = districtToday(district, now);
  if (body.dueOn < today) throw unprocessable("dueOn", "due_in_past", `The due day must be today (${today}) or later.`, { today });
  const service = [...record!.ieps]
    .reverse()
    .flatMap((i) => i.services)
    .find((s) => s.id === body.serviceId);
  if (!service) throw unprocessable("serviceId", "unknown_service", "The student's IEP has no such service.");
  const provider = providersOf(record!, district, now).find((p) => p.id === body.provider && p.serviceIds.includes(body.serviceId));
  if (!provider) throw unprocessable("provider", "provider_not_on_service", "Choose a team member who gives this service.");
  const stored = await storedPlansOf(studentId);
  const plans = await withDelivery(stored, district, now);
  const balance = (await balances(record!, district, plans, now)).find((b) => b.serviceId === body.serviceId);
  const available = balance?.available ?? 0;
  const moreThanOwed = (max: number) =>
    unprocessable("minutes", "more_than_owed", `At most ${max} minutes: the service's owed balance not yet in a plan.`, {
      max,
      owed: balance?.owed ?? 0,
      planned: balance?.planned ?? 0,
    });
  if (body.minutes > available) throw moreThanOwed(available);
  // The service's planned total as read; the counter refuses this plan if another was planned meanwhile
  // and the two together would pass what was free to plan.
  const plannedTotal = stored.filter((p) => p.serviceId === body.serviceId).reduce((sum, p) => sum + p.minutes, 0);
  const plan: StoredPlan = {
    id: newId("cmp"),
    districtId: district.id,
    studentId,
    studentName: studentName(record!.student),
    serviceId: body.serviceId,
    serviceName: service.name,
    minutes: body.minutes,
    plan: body.plan,
    provider: { id: provider.id, name: provider.name },
    dueOn: body.dueOn,
    createdOn: today,
    createdAt: now.toISOString(),
    createdBy: { id: actor.userId, name: actor.name },
  };
  const ops: TransactOp[] = [
    CompensatoryItems.addPlanned(studentId, plan.serviceId, plan.minutes, plannedTotal, plannedTotal + available - plan.minutes),
    CompensatoryItems.putPlan(plan),
    CompensatoryItems.putDue({ districtId: district.id, studentId, planId: plan.id, dueOn: plan.dueOn }),
    putNew(Audit.itemFor(actor, { studentId, action: "compensatory.plan", record: `compensatory:${plan.id}`, reason: grant.reason })),
  ];
  try {
    await transactRetryingConflicts(ops);
  } catch (error) {
    if (!isConditionFailureAt(error, 0)) throw error;
    // Another plan for the service took some of the balance meanwhile: say what is left now.
    const fresh = (await balances(record!, district, await withDelivery(await storedPlansOf(studentId), district, now), now)).find(
      (b) => b.serviceId === body.serviceId,
    );
    throw moreThanOwed(fresh?.available ?? 0);
  }
  return (await withDelivery([plan], district, now))[0]!;
}

/**
 * The district's make-up plans past their due day with minutes left, for the director's board: one
 * Query of the plans due before today, then each student's plans and forms. Each name shown is a
 * sighting of that student's record, so each is audited.
 */
export async function overduePlans(actor: UserActor, district: Pick<DistrictInfo, "id" | "timeZone">) {
  const now = clock.now();
  const due = await queryAll(dueItem, keys.compensatoryDueBefore(district.id, districtToday(district, now)));
  const students = [...new Set(due.map((d) => d.studentId))];
  const perStudent = await Promise.all(
    students.map(async (studentId) => {
      const stored = await storedPlansOf(studentId);
      return (await withDelivery(stored, district, now))
        .filter((p) => p.overdue)
        .map((p) => ({ ...p, studentId, studentName: stored.find((s) => s.id === p.id)!.studentName }));
    }),
  );
  const overdue = perStudent.flat().sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  await Audit.recordMany(
    actor,
    overdue.map((p) => ({ studentId: p.studentId, action: "compensatory.list" as const, record: `compensatory:${p.id}`, reason: "director" as const })),
  );
  return overdue.map((p) => ({
    planId: p.id,
    studentId: p.studentId,
    studentName: p.studentName,
    serviceName: p.serviceName,
    provider: p.provider.name,
    dueOn: p.dueOn,
    minutes: p.minutes,
    delivered: p.delivered,
    remaining: p.remaining,
  }));
}

/** The plans a form's make-up sessions may name: the student's plans for the form's services whose provider is the form's staff member. */
export async function plansForForm(form: Pick<FidelityForm, "studentId" | "staffId" | "plan">) {
  const serviceIds = new Set(form.plan.services.map((s) => s.id));
  return (await storedPlansOf(form.studentId)).filter((p) => p.provider.id === form.staffId && serviceIds.has(p.serviceId));
}

/** A make-up session as sent: its service, its place among that service's make-up sessions, and what it says. */
type SentMakeUp = { serviceId: string; row: number; planId: string; date: string; minutes: number };

const sentMakeUp = (services: ServiceAnswer[]): SentMakeUp[] =>
  services.flatMap((s) => (s.makeUp ?? []).map((m, row) => ({ serviceId: s.serviceId, row, ...m })));

/** 422 naming each make-up session at fault: `field` is its path in the request, `params` its service and row (the screen marks the row). */
const makeUpProblem = (
  code: string,
  message: string,
  rows: Array<{ at: SentMakeUp; field: "planId" | "date" | "minutes"; params?: Record<string, number | string>; code?: string }>,
  services: ServiceAnswer[],
) =>
  new VisibleError(
    422,
    code,
    message,
    rows.map(({ at, field, params, code: rowCode }) => ({
      field: `services.${services.findIndex((s) => s.serviceId === at.serviceId)}.makeUp.${at.row}.${field}`,
      code: rowCode ?? code,
      message,
      params: { serviceId: at.serviceId, row: at.row, planId: at.planId, ...params },
    })) satisfies Problem[],
  );

const minutesFor = (services: ServiceAnswer[], planId: string) =>
  services.flatMap((s) => s.makeUp ?? []).reduce((sum, m) => sum + (m.planId === planId ? m.minutes : 0), 0);

/**
 * The make-up sessions a save sends, checked against the plans: each names a plan of that service whose
 * provider is the form's staff member (else 422 `unknown_make_up_plan`), falls on the form's week and
 * not before the plan was made (else 422 `date_outside_week`), and together with every other form's
 * make-up sessions stays within the plan's minutes (else 422 `more_than_planned`, with what is left).
 * Each problem names the session's field. Answers the updates of the plans' `given` counters that must
 * commit in the form's transaction (save.ts): a form saved elsewhere at the same moment cannot push a plan
 * past its minutes either.
 */
export async function checkMakeUp(form: FidelityForm, services: ServiceAnswer[]): Promise<TransactOp[]> {
  const sent = sentMakeUp(services);
  const before = form.services.flatMap((s) => s.makeUp ?? []);
  if (sent.length === 0 && before.length === 0) return [];
  const plans = await plansForForm(form);
  const planOf = (m: SentMakeUp) => plans.find((p) => p.id === m.planId && p.serviceId === m.serviceId);
  const unknown = sent.filter((m) => !planOf(m));
  if (unknown.length)
    throw makeUpProblem(
      "unknown_make_up_plan",
      "A make-up session names a plan that is not yours for this service.",
      unknown.map((at) => ({ at, field: "planId" })),
      services,
    );
  const days = new Set(weekDays(form.week));
  const outside = sent.filter((m) => !days.has(m.date) || m.date < planOf(m)!.createdOn);
  if (outside.length)
    throw makeUpProblem(
      "date_outside_week",
      "Make-up sessions must fall on the form's school week, on or after the day the plan was made.",
      outside.map((at) => ({ at, field: "date", params: { from: [...days][0]!, to: [...days].at(-1)! } })),
      services,
    );
  const ids = new Set([...sent, ...before].map((m) => m.planId));
  const mine = plans.filter((p) => ids.has(p.id));
  if (mine.length === 0) return [];
  const from = mine.map((p) => isoWeekOf(p.createdOn)).sort()[0]!;
  const others = (await queryAll(formItemType, keys.fidelityFormsOfStudent(form.studentId, from, "9999-W99"))).filter((f) => f.id !== form.id);
  const made = makeUpByPlan(others);
  const ops: TransactOp[] = [];
  for (const plan of mine) {
    const here = minutesFor(services, plan.id);
    const was = minutesFor(form.services, plan.id);
    const left = Math.max(0, plan.minutes - (made.get(plan.id) ?? 0));
    if (here > was && here > left) {
      const last = sent.filter((m) => m.planId === plan.id).at(-1)!;
      throw makeUpProblem(
        "more_than_planned",
        `At most ${left} make-up minutes are left in this plan.`,
        [{ at: last, field: "minutes", params: { max: left } }],
        services,
      );
    }
    const delta = here - was;
    if (delta !== 0)
      ops.push(CompensatoryItems.addGiven(form.studentId, plan.id, delta, (made.get(plan.id) ?? 0) + was, delta > 0 ? plan.minutes - delta : undefined));
  }
  return ops;
}

/**
 * What a form write answers when one of the plans' `given` counters (`ops`, at `offset` in its
 * transaction) refused it: make-up minutes recorded on another form meanwhile left less in the plan.
 * The check is run again against what is stored now, so the 422 says what is left; undefined when the
 * refusal was not a counter's.
 */
export async function makeUpRefusal(error: unknown, offset: number, ops: TransactOp[], form: FidelityForm, services: ServiceAnswer[]) {
  if (!ops.some((_, i) => isConditionFailureAt(error, offset + i))) return undefined;
  await checkMakeUp(form, services);
  const first = sentMakeUp(services)[0];
  return makeUpProblem(
    "more_than_planned",
    "Make-up minutes were recorded against this plan elsewhere meanwhile; fewer are left.",
    first ? [{ at: first, field: "minutes", code: "more_than_planned_now" }] : [],
    services,
  );
}

/**
 * The plans' `given` counters lowered by the make-up minutes a rewrite of a form drops (a draft moved
 * to an amended plan that no longer has the service): in the rewrite's transaction.
 */
export function makeUpDropped(stored: FidelityForm, next: FidelityForm): TransactOp[] {
  const ids = new Set(stored.services.flatMap((s) => s.makeUp ?? []).map((m) => m.planId));
  return [...ids].flatMap((planId) => {
    const was = minutesFor(stored.services, planId);
    const delta = minutesFor(next.services, planId) - was;
    return delta < 0 ? [CompensatoryItems.addGiven(stored.studentId, planId, delta, was)] : [];
  });
}

export { CompensatoryInput };

export namespace Compensatory {
  export const list = listPlans;
  export const create = createPlan;
}
