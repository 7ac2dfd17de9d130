import { beforeAll, describe, expect, it } from "vitest";
import { formId } from "@fidelio/core/fidelity";
import { seedDemo } from "../support/demo-table";
import { demoMakeUp } from "@fidelio/local/demo/make-up";
import { call, signIn } from "../support/api";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { demo, formsOf, json } from "./helpers";

/**
 * Make-up (compensatory) totals under a burst of writers at the same moment, against DynamoDB Local:
 * plans for one service never pass its owed balance, and make-up minutes recorded on several weekly
 * forms never pass their plan's minutes. Each writer reads the same totals first; only what fits
 * commits, the others answer 422 with what is left, and nothing is over-planned or over-given. A
 * stale save's 409 names the make-up sessions among what differs.
 */
pinClock(ordinarySchoolDay);

const t = {} as Record<"parent" | "casemanager", string>;
let sofia = "";
let managerId = "";

type Listing = {
  items: Array<{ id: string; serviceId: string; minutes: number; delivered: number; remaining: number }>;
  balances?: Array<{ serviceId: string; owed: number; planned: number; available: number }>;
};
const listing = async (who: keyof typeof t) => (await json<Listing>(call(`/api/students/${sofia}/compensatory`, { token: t[who] }))).body;

beforeAll(async () => {
  await seedDemo();
  for (const who of ["parent", "casemanager"] as const) t[who] = await signIn(demo(who));
  sofia = ((await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  const detail = (await (await call(`/api/students/${sofia}`, { token: t.casemanager })).json()) as { team: Array<{ userId: string; role: string }> };
  managerId = detail.team.find((m) => m.role === "case_manager")!.userId;
});

describe("make-up totals under a burst of writers", () => {
  it("plans recorded at the same moment for one service never pass what was free to plan", async () => {
    const before = await listing("casemanager");
    const available = before.balances!.find((b) => b.serviceId === demoMakeUp.serviceId)!.available;
    expect(available).toBeGreaterThan(3);
    // Each plan takes a third of the balance, plus one minute: two fit, the third and later do not.
    const each = Math.floor(available / 3) + 1;
    const fits = Math.floor(available / each);
    const body = { serviceId: demoMakeUp.serviceId, minutes: each, plan: "After-school sessions", provider: managerId, dueOn: "2026-12-18" };
    const answers = await Promise.all(Array.from({ length: 6 }, () => json(call(`/api/students/${sofia}/compensatory`, { token: t.casemanager, body }))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(fits);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(6 - fits);
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ error: "more_than_owed" });
      // The refusal says what is left now, less than the plan asked for.
      expect(r.body.errors[0]).toMatchObject({ field: "minutes", code: "more_than_owed" });
      expect(r.body.errors[0].params.max).toBeLessThan(each);
    }
    const after = await listing("casemanager");
    expect(after.items).toHaveLength(before.items.length + fits);
    const balance = after.balances!.find((b) => b.serviceId === demoMakeUp.serviceId)!;
    expect(balance.available).toBe(available - fits * each);
    expect(balance.planned).toBeLessThanOrEqual(balance.owed);
  });

  it("make-up minutes recorded on several forms at the same moment never pass the plan's minutes", async () => {
    const plan = (await listing("parent")).items.find((p) => p.minutes === demoMakeUp.minutes)!;
    expect(plan).toMatchObject({ delivered: demoMakeUp.given, remaining: demoMakeUp.minutes - demoMakeUp.given });
    // Four weeks of the case manager's forms (listing a week opens its forms), each saving 20 make-up minutes of the 30 left.
    const weeks = ["2026-W47", "2026-W48", "2026-W49", "2026-W50"];
    for (const week of weeks) await formsOf(t.casemanager, week);
    const forms = await Promise.all(
      weeks.map(async (week) => (await json(call(`/api/fidelity/forms/${formId(sofia, managerId, week)}`, { token: t.casemanager }))).body),
    );
    const withMakeUp = (form: (typeof forms)[number], minutes: number) => ({
      version: form.version,
      accommodations: form.accommodations,
      services: [
        ...form.services.filter((s: { serviceId: string }) => s.serviceId !== demoMakeUp.serviceId),
        {
          ...(form.services.find((s: { serviceId: string }) => s.serviceId === demoMakeUp.serviceId) ?? { serviceId: demoMakeUp.serviceId, sessions: [] }),
          makeUp: minutes ? [{ planId: plan.id, date: form.days.at(-1), minutes }] : [],
        },
      ],
      // A submitted week is corrected, and a correction needs its reason.
      reason: "Make-up session recorded",
    });
    const save = (form: (typeof forms)[number], minutes: number) =>
      json(call(`/api/fidelity/forms/${form.id}`, { token: t.casemanager, method: "PUT", body: withMakeUp(form, minutes) }));
    const answers = await Promise.all(forms.map((form) => save(form, 20)));
    const saved = answers.filter((a) => a.status === 200);
    expect(saved, JSON.stringify(answers.map((a) => [a.status, a.body.error]))).toHaveLength(1);
    for (const r of answers.filter((a) => a.status !== 200)) {
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ error: "more_than_planned" });
      expect(r.body.message).toMatch(/make-up minutes/);
      expect(r.body.errors[0]).toMatchObject({ code: "more_than_planned", params: { planId: plan.id } });
    }
    expect((await listing("parent")).items.find((p) => p.id === plan.id)).toMatchObject({ delivered: 50, remaining: 10 });

    // Taking the 20 minutes back off the form that kept them frees them for another form: the guard follows every change.
    const winner = forms.find((f) => f.id === saved[0]!.body.id)!;
    expect((await save({ ...winner, version: saved[0]!.body.version }, 0)).status).toBe(200);
    const other = forms.find((f) => f.id !== winner.id)!;
    const fresh = (await json(call(`/api/fidelity/forms/${other.id}`, { token: t.casemanager }))).body;
    expect((await save(fresh, 30)).status).toBe(200);
    expect((await listing("parent")).items.find((p) => p.id === plan.id)).toMatchObject({ delivered: 60, remaining: 0 });
    const again = await json(call(`/api/fidelity/forms/${winner.id}`, { token: t.casemanager }));
    expect((await save(again.body, 1)).body).toMatchObject({ error: "more_than_planned" });
  });

  it("a stale save's 409 names the services whose make-up sessions differ", async () => {
    const id = formId(sofia, managerId, "2026-W50");
    const form = (await json(call(`/api/fidelity/forms/${id}`, { token: t.casemanager }))).body;
    const plan = (await listing("casemanager")).items.find(
      (p) => p.serviceId === demoMakeUp.serviceId && p.remaining >= 5 && p.minutes !== demoMakeUp.minutes,
    )!;
    const reading = form.services.find((s: { serviceId: string }) => s.serviceId === demoMakeUp.serviceId) ?? { serviceId: demoMakeUp.serviceId, sessions: [] };
    const body = (makeUp: unknown[]) => ({
      version: form.version,
      accommodations: form.accommodations,
      services: [...form.services.filter((s: { serviceId: string }) => s.serviceId !== demoMakeUp.serviceId), { ...reading, makeUp }],
      reason: "Make-up session recorded",
    });
    const kept = reading.makeUp ?? [];
    expect(
      (
        await json(
          call(`/api/fidelity/forms/${id}`, {
            token: t.casemanager,
            method: "PUT",
            body: body([...kept, { planId: plan.id, date: "2026-12-10", minutes: 5 }]),
          }),
        )
      ).status,
    ).toBe(200);
    // A second screen, opened before that save, sends the make-up sessions as they were.
    const stale = await json(call(`/api/fidelity/forms/${id}`, { token: t.casemanager, method: "PUT", body: body(kept) }));
    expect(stale.status).toBe(409);
    expect(stale.body.errors.changed).toMatchObject({ services: [demoMakeUp.serviceId], makeUp: [demoMakeUp.serviceId] });
    // Nothing of the stale save was written: the plan still counts the 5 minutes.
    expect((await listing("parent")).items.find((p) => p.id === plan.id)!.delivered).toBe(5);
  });
});
