import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clock } from "@fidelio/core/clock";
import { formId } from "@fidelio/core/fidelity";
import { seedDemo } from "../support/demo-table";
import { demoMakeUp } from "@fidelio/local/demo/make-up";
import { call, signIn } from "../support/api";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { startWorkflowRunner } from "../support/workflow";
import { demo, formsOf, json } from "./helpers";

/**
 * Make-up (compensatory) minutes against DynamoDB Local: the demo's plan half delivered, a new plan
 * from the owed balance with each check, make-up sessions on the weekly form that the owed balance
 * counts, and a plan past due with minutes left on the director's board. Every read and write audited.
 */

// Wed Dec 9 2026, 10 AM Pacific: week 2026-W50 is in progress.
pinClock(ordinarySchoolDay);
const today = "2026-12-09";

type Who = "parent" | "parent2" | "casemanager" | "director" | "teacher" | "admin";
const t = {} as Record<Who, string>;
let sofia = "";
let ethan = "";
let managerId = "";
let teacherId = "";

type PlanView = {
  id: string;
  serviceId: string;
  minutes: number;
  delivered: number;
  remaining: number;
  overdue: boolean;
  dueOn: string;
  provider: { id: string };
};
type Listing = {
  items: PlanView[];
  canPlan: boolean;
  balances?: Array<{ serviceId: string; owed: number; planned: number; available: number }>;
  providers?: Array<{ id: string; serviceIds: string[] }>;
};
const plansPath = (id: string) => `/api/students/${id}/compensatory`;
const list = async (who: Who, id = sofia) => json<Listing>(call(plansPath(id), { token: t[who] }));
const post = (who: Who, body: unknown, id = sofia) => json(call(plansPath(id), { token: t[who], body }));
const readingOwed = async () => {
  const { body } = await json<{ services: Array<{ serviceId: string; owed: number; makeUp: number }> }>(
    call(`/api/students/${sofia}/fidelity?period=school_year`, { token: t.parent }),
  );
  return body.services.find((s) => s.serviceId === demoMakeUp.serviceId)!;
};
const auditActions = async () =>
  (await json<{ items: Array<{ action: string; actorName: string }> }>(call(`/api/audit?studentId=${sofia}`, { token: t.director }))).body.items;

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => runner?.stop());

beforeAll(async () => {
  await seedDemo();
  // A concern filed below starts its workflow.
  runner = await startWorkflowRunner();
  for (const who of ["parent", "parent2", "casemanager", "director", "teacher", "admin"] as const) t[who] = await signIn(demo(who));
  sofia = ((await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  ethan = ((await (await call("/api/students", { token: t.parent2 })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  const detail = (await (await call(`/api/students/${sofia}`, { token: t.casemanager })).json()) as { team: Array<{ userId: string; role: string }> };
  managerId = detail.team.find((m) => m.role === "case_manager")!.userId;
  teacherId = detail.team.find((m) => m.role === "teacher")!.userId;
});

describe("make-up minutes", () => {
  it("the family sees the demo plan half delivered, and the owed balance counts its make-up minutes", async () => {
    const { status, body } = await list("parent");
    expect(status).toBe(200);
    expect(body.canPlan).toBe(false);
    expect(body.balances).toBeUndefined();
    expect(body.items).toEqual([
      expect.objectContaining({
        serviceId: "svc-reading",
        minutes: 60,
        delivered: 30,
        remaining: 30,
        overdue: false,
        provider: expect.objectContaining({ id: managerId }),
      }),
    ]);
    const reading = await readingOwed();
    expect(reading.makeUp).toBe(30);
    // The case manager's balance: owed (make-up already counted) less what the plan still has to give.
    const staff = (await list("casemanager")).body;
    expect(staff.canPlan).toBe(true);
    const balance = staff.balances!.find((b) => b.serviceId === "svc-reading")!;
    expect(balance).toEqual({ serviceId: "svc-reading", name: expect.any(String), owed: reading.owed, planned: 30, available: Math.max(0, reading.owed - 30) });
    expect(staff.providers!.find((p) => p.id === managerId)!.serviceIds).toContain("svc-reading");
    // Another family: as if there were no such student.
    expect((await list("parent2")).status).toBe(404);
    expect((await auditActions()).some((a) => a.action === "compensatory.read" && a.actorName === "Rosa Martinez")).toBe(true);
  });

  it("the state-complaint packet's resolution section lists the plans for the services the concern names", async () => {
    const filed = await call("/api/concerns", {
      token: t.parent,
      body: { studentId: sofia, itemIds: ["svc-reading"], description: "Reading sessions keep being missed." },
      headers: { "idempotency-key": `make-up-${Date.now()}` },
    });
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    const html = await (await call(`/api/concerns/${id}/packet?form=state-complaint`, { token: t.parent })).text();
    const resolution = /<section data-section="resolution">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(resolution).toContain('id="make-up-plans"');
    expect(resolution).toMatch(/60 minutes planned by [^;]+; 30 given, 30 remaining/);
  });

  it("a plan is checked field by field, and only the case manager or director may record one", async () => {
    const { body } = await list("casemanager");
    const available = body.balances!.find((b) => b.serviceId === "svc-reading")!.available;
    expect(available).toBeGreaterThan(10);
    const ok = { serviceId: "svc-reading", minutes: 10, plan: "One 10-minute session before school", provider: managerId, dueOn: "2026-12-18" };
    expect((await post("parent", ok)).status).toBe(403);
    expect((await post("teacher", ok)).status).toBe(403);
    expect((await post("admin", ok)).status).toBe(403);
    // Not the case manager's student: 404.
    expect((await post("casemanager", ok, ethan)).status).toBe(404);
    // Schema: positive whole minutes, a real date, every field.
    const zero = await post("casemanager", { ...ok, minutes: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.problems).toEqual([expect.objectContaining({ field: "minutes", code: "too_small" })]);
    expect((await post("casemanager", { ...ok, dueOn: "2026-02-30" })).body.problems).toEqual([
      expect.objectContaining({ field: "dueOn", code: "invalid_date" }),
    ]);
    expect((await post("casemanager", { ...ok, plan: "  " })).body.problems).toEqual([expect.objectContaining({ field: "plan", code: "required" })]);
    // The record's checks: a due day past in the district's zone, a service not in the IEP, a provider who does not give it, more than the balance.
    const past = await post("casemanager", { ...ok, dueOn: "2026-12-08" });
    expect(past).toMatchObject({ status: 422, body: { error: "due_in_past" } });
    expect((await post("casemanager", { ...ok, dueOn: today })).status).toBe(201);
    expect((await post("casemanager", { ...ok, serviceId: "svc-nothing" })).body).toMatchObject({ error: "unknown_service" });
    expect((await post("casemanager", { ...ok, provider: teacherId })).body).toMatchObject({ error: "provider_not_on_service" });
    const tooMany = await post("casemanager", { ...ok, minutes: available });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ error: "more_than_owed" });
    expect(tooMany.body.errors[0]).toMatchObject({ field: "minutes", params: { max: available - 10 } });
    // Nothing was written by the refusals: one new plan beside the demo's.
    expect((await list("parent")).body.items).toHaveLength(2);
    expect((await auditActions()).filter((a) => a.action === "compensatory.plan")).toHaveLength(1);
  });

  it("make-up sessions go on the weekly form against a plan, pay the owed balance, and never exceed the plan", async () => {
    const before = await readingOwed();
    const plan = (await list("casemanager")).body.items.find((p) => p.minutes === demoMakeUp.minutes)!;
    const id = formId(sofia, managerId, "2026-W50");
    // Listing the week's forms opens them.
    expect((await formsOf(t.casemanager, "2026-W50")).map((f) => f.id)).toContain(id);
    const form = (await json(call(`/api/fidelity/forms/${id}`, { token: t.casemanager }))).body;
    expect(form.makeUpPlans.map((p: { id: string }) => p.id)).toContain(plan.id);
    const save = (makeUp: unknown[], version: number) =>
      json(
        call(`/api/fidelity/forms/${id}`, {
          token: t.casemanager,
          method: "PUT",
          body: { version, accommodations: [], services: [{ serviceId: "svc-reading", sessions: [], makeUp }] },
        }),
      );
    const over = await save([{ planId: plan.id, date: "2026-12-08", minutes: 31 }], form.version);
    expect(over).toMatchObject({ status: 422, body: { error: "more_than_planned" } });
    expect((await save([{ planId: "cmp_nope", date: "2026-12-08", minutes: 5 }], form.version)).body).toMatchObject({ error: "unknown_make_up_plan" });
    expect((await save([{ planId: plan.id, date: "2026-12-01", minutes: 5 }], form.version)).body).toMatchObject({ error: "date_outside_week" });
    const saved = await save([{ planId: plan.id, date: "2026-12-08", minutes: 30 }], form.version);
    expect(saved.status).toBe(200);
    const after = (await list("parent")).body.items.find((p) => p.id === plan.id)!;
    expect(after).toMatchObject({ delivered: 60, remaining: 0 });
    // The make-up minutes of the week in progress count at once: they pay a balance already owed.
    const reading = await readingOwed();
    expect(reading.makeUp).toBe(60);
    expect(reading.owed).toBe(Math.max(0, before.owed - 30));
  });

  it("a plan past its due date with minutes left is on the director's board, and leaves it once given", async () => {
    const board = async () =>
      (await json<{ overdueMakeUp: Array<{ studentId: string; dueOn: string; remaining: number }> }>(call("/api/reports/escalations", { token: t.director })))
        .body;
    expect((await board()).overdueMakeUp).toEqual([]);
    // The plan due today (10 minutes, nothing given) is overdue tomorrow.
    clock.set("2026-12-10T18:00:00Z");
    try {
      // A day later the session has lapsed: sign in again.
      t.director = await signIn(demo("director"));
      expect((await board()).overdueMakeUp).toEqual([expect.objectContaining({ studentId: sofia, dueOn: today, remaining: 10, delivered: 0 })]);
      expect((await auditActions()).some((a) => a.action === "compensatory.list" && a.actorName === "Linda Okafor")).toBe(true);
      // Its 10 minutes given (late) on this week's form: off the board.
      t.casemanager = await signIn(demo("casemanager"));
      const id = formId(sofia, managerId, "2026-W50");
      const form = (await json(call(`/api/fidelity/forms/${id}`, { token: t.casemanager }))).body;
      const late = form.makeUpPlans.find((p: { dueOn: string }) => p.dueOn === today);
      const kept = form.services.find((x: { serviceId: string }) => x.serviceId === "svc-reading").makeUp;
      const saved = await json(
        call(`/api/fidelity/forms/${id}`, {
          token: t.casemanager,
          method: "PUT",
          body: {
            version: form.version,
            accommodations: [],
            services: [{ serviceId: "svc-reading", sessions: [], makeUp: [...kept, { planId: late.id, date: "2026-12-10", minutes: 10 }] }],
          },
        }),
      );
      expect(saved.status).toBe(200);
      expect((await board()).overdueMakeUp).toEqual([]);
    } finally {
      pinClock(ordinarySchoolDay);
    }
  });
});
