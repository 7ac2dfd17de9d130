import { beforeAll, describe, expect, it } from "vitest";
import { clock } from "@fidelio/core/clock";
import { queryAll, keys } from "@fidelio/core/dynamo";
import { weekDays } from "@fidelio/core/fidelity";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { currentWeek, demo, formsOf, json, weeksAgo, type FormRow } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

const t = {} as Record<"teacher" | "teacher2" | "casemanager" | "parent" | "admin" | "director", string>;
let sofia = "";
let week = "";
let form: FormRow;

// A miss names its barrier.
const answersFor = (f: { plan: { accommodations: Array<{ id: string }> } }, status = "provided") =>
  f.plan.accommodations.map((a) => ({ itemId: a.id, status, ...(status === "partly" || status === "not_provided" ? { reason: "time_or_staff" } : {}) }));

beforeAll(async () => {
  await seedDemo();
  for (const who of ["teacher", "teacher2", "casemanager", "parent", "admin", "director"] as const) t[who] = await signIn(demo(who));
  sofia = ((await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  week = await currentWeek();
});

describe("IEP versions", () => {
  it("records an amendment as a new version for the case manager; a stale version is 409; others get 403 or 404", async () => {
    const latest = Iep.latest((await Student.load(sofia))!.ieps)!;
    const { studentId: _s, version: _v, createdAt: _c, createdBy: _b, ...content } = latest;
    const body = {
      ...content,
      effectiveFrom: weekDays(week)[0],
      version: latest.version,
      accommodations: [...content.accommodations, { id: "acc-timer", text: "Visual timer during independent work" }],
    };
    expect((await call(`/api/students/${sofia}/iep`, { method: "PUT", token: t.teacher, body })).status).toBe(403);
    expect((await call(`/api/students/${sofia}/iep`, { method: "PUT", token: t.parent, body })).status).toBe(403);
    const created = await json(call(`/api/students/${sofia}/iep`, { method: "PUT", token: t.casemanager, body }));
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(latest.version + 1);
    const stale = await call(`/api/students/${sofia}/iep`, { method: "PUT", token: t.casemanager, body: { ...body, effectiveFrom: weekDays(week)[1] } });
    expect(stale.status).toBe(409);
    const ieps = (await Student.load(sofia))!.ieps;
    expect(ieps.filter((i) => i.version === latest.version + 1)).toHaveLength(1);
    // The old version stays as it was: an amendment is never an edit in place.
    expect(ieps.find((i) => i.version === latest.version)).toEqual(latest);
  });

  it("asks the teacher to acknowledge the version before submitting, and records when they did", async () => {
    form = (await formsOf(t.teacher, week)).find((f) => f.studentId === sofia)!;
    const opened = await json(call(`/api/fidelity/forms/${form.id}`, { token: t.teacher }));
    expect(opened.body.acknowledgment).toMatchObject({ required: true, acknowledgedAt: null });
    expect(opened.body.plan.accommodations.map((a: { id: string }) => a.id)).toContain("acc-timer");
    const saved = await json(
      call(`/api/fidelity/forms/${form.id}`, { method: "PUT", token: t.teacher, body: { version: 0, accommodations: answersFor(opened.body), services: [] } }),
    );
    expect(saved.status).toBe(200);
    const refused = await json(call(`/api/fidelity/forms/${form.id}/submit`, { token: t.teacher, body: { version: 1 } }));
    expect(refused).toMatchObject({ status: 409, body: { error: "acknowledgment_required" } });
    const version = opened.body.acknowledgment.version;
    expect((await call(`/api/students/${sofia}/iep/acknowledge`, { token: t.parent, body: { version } })).status).toBe(403);
    expect((await call(`/api/students/${sofia}/iep/acknowledge`, { token: t.teacher2, body: { version } })).status).toBe(404);
    const ack = await json(call(`/api/students/${sofia}/iep/acknowledge`, { token: t.teacher, body: { version } }));
    expect(ack.status).toBe(200);
    expect(clock.ms() - Date.parse(ack.body.at)).toBeLessThan(60_000);
    const again = await json(call(`/api/students/${sofia}/iep/acknowledge`, { token: t.teacher, body: { version } }));
    expect(again.body.at).toBe(ack.body.at);
    const after = await json(call(`/api/fidelity/forms/${form.id}`, { token: t.teacher }));
    expect(after.body.acknowledgment).toMatchObject({ required: false, acknowledgedAt: ack.body.at });
    // The case manager sees who on the team has acknowledged the IEP in effect.
    const team = (await json(call(`/api/students/${sofia}`, { token: t.casemanager }))).body.team as Array<{ name: string; acknowledgedAt: string | null }>;
    expect(team.find((m) => m.name === "Maria Alvarez")?.acknowledgedAt).toBe(ack.body.at);
  });
});

describe("a week's form", () => {
  it("is created once however many first looks arrive together, and only for students the teacher serves", async () => {
    const lists = await Promise.all([0, 1, 2, 3].map(() => formsOf(t.teacher2, week)));
    expect(new Set(lists.map((l) => JSON.stringify(l.map((f) => f.id)))).size).toBe(1);
    expect(lists[0]!.some((f) => f.studentId === sofia)).toBe(false);
    expect((await call(`/api/fidelity/forms/${form.id}`, { token: t.teacher2 })).status).toBe(404);
    expect((await call(`/api/fidelity/forms/${form.id}`, { token: t.parent })).status).toBe(403);
    expect((await call(`/api/fidelity/forms/frm_x`, { token: t.teacher })).status).toBe(404);
  });

  it("saves drafts with a version: a concurrent edit gets 409 naming what changed, never a lost update", async () => {
    const opened = await json(call(`/api/fidelity/forms/${form.id}`, { token: t.teacher }));
    const v = opened.body.version as number;
    const mine = answersFor(opened.body, "partly");
    const theirs = answersFor(opened.body, "provided");
    const [a, b] = await Promise.all([
      call(`/api/fidelity/forms/${form.id}`, { method: "PUT", token: t.teacher, body: { version: v, accommodations: mine, services: [] } }),
      call(`/api/fidelity/forms/${form.id}`, { method: "PUT", token: t.teacher, body: { version: v, accommodations: theirs, services: [] } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const conflict = (await (a.status === 409 ? a : b).json()) as { error: string; errors: { version: number; changed: { accommodations: string[] } } };
    expect(conflict.error).toBe("conflict");
    expect(conflict.errors.version).toBe(v + 1);
    expect(conflict.errors.changed.accommodations.length).toBeGreaterThan(0);
    const stored = await json(call(`/api/fidelity/forms/${form.id}`, { token: t.teacher }));
    expect(stored.body.version).toBe(v + 1);
    expect(stored.body.status).toBe("draft");
  });

  it("keeps not_applicable without a note as a draft, naming it as what blocks submitting", async () => {
    const opened = await json(call(`/api/fidelity/forms/${form.id}`, { token: t.teacher }));
    const accommodations = answersFor(opened.body).map((a, i) => (i === 0 ? { ...a, status: "not_applicable" } : a));
    const res = await json(
      call(`/api/fidelity/forms/${form.id}`, { method: "PUT", token: t.teacher, body: { version: opened.body.version, accommodations, services: [] } }),
    );
    expect(res.status).toBe(200);
    expect(res.body.blockers).toEqual([{ code: "note_required", itemId: accommodations[0]!.itemId }]);
    accommodations[0] = { ...accommodations[0]!, note: "No test this week" } as (typeof accommodations)[number];
    const noted = await json(
      call(`/api/fidelity/forms/${form.id}`, { method: "PUT", token: t.teacher, body: { version: res.body.version, accommodations, services: [] } }),
    );
    expect(noted.status).toBe(200);
    expect(noted.body.blockers).toEqual([]);
  });

  it("locks on submit; a correction is a new revision with a reason, and the submitted one stays in the history", async () => {
    const opened = await json(call(`/api/fidelity/forms/${form.id}`, { token: t.teacher }));
    // A burst of submits (a double tap, two tabs): one submits, the rest answer 409.
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => json(call(`/api/fidelity/forms/${form.id}/submit`, { token: t.teacher, body: { version: opened.body.version } }))),
    );
    expect(burst.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const submitted = burst.find((r) => r.status === 200)!;
    expect(submitted.body).toMatchObject({ status: "submitted", revision: 0 });
    expect((await formsOf(t.teacher, week)).find((f) => f.id === form.id)?.status).toBe("submitted");
    const body = { version: submitted.body.version, accommodations: answersFor(opened.body, "not_provided"), services: [] };
    expect((await json(call(`/api/fidelity/forms/${form.id}`, { method: "PUT", token: t.teacher, body }))).body.error).toBe("form_submitted");
    expect((await json(call(`/api/fidelity/forms/${form.id}/submit`, { token: t.teacher, body: { version: submitted.body.version } }))).body.error).toBe(
      "form_submitted",
    );
    const corrected = await json(
      call(`/api/fidelity/forms/${form.id}`, { method: "PUT", token: t.teacher, body: { ...body, reason: "Entered the wrong student" } }),
    );
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: "submitted", revision: 1, correctionReason: "Entered the wrong student" });
    const read = await json(call(`/api/fidelity/forms/${form.id}`, { token: t.teacher }));
    expect(read.body.history).toHaveLength(1);
    expect(read.body.history[0]).toMatchObject({ revision: 0, status: "submitted" });
    expect(read.body.history[0].accommodations).toEqual(opened.body.accommodations);
    expect(read.body.needsReason).toBe("correction");
  });

  it("refuses future weeks and asks a reason for weeks past the grace period", async () => {
    const next = (await import("@fidelio/core/fidelity")).addWeeks(week, 1);
    expect((await json(call(`/api/fidelity/forms?week=${next}`, { token: t.teacher }))).body.error).toBe("future_week");
    expect((await call(`/api/fidelity/forms?week=2026-W99`, { token: t.teacher })).status).toBe(400);
    const old = await weeksAgo(3);
    const late = (await formsOf(t.teacher, old)).find((f) => f.studentId === sofia)!;
    const opened = await json(call(`/api/fidelity/forms/${late.id}`, { token: t.teacher }));
    const body = { version: opened.body.version, accommodations: answersFor(opened.body), services: [] };
    // The demo submitted that week: changing it is a correction, which needs its reason (a late draft is
    // kept without one, and submitting asks for it: drafts.test.ts).
    expect(opened.body.status).toBe("submitted");
    expect((await json(call(`/api/fidelity/forms/${late.id}`, { method: "PUT", token: t.teacher, body }))).body.error).toBe("form_submitted");
    const saved = await json(call(`/api/fidelity/forms/${late.id}`, { method: "PUT", token: t.teacher, body: { ...body, reason: "Was out sick that week" } }));
    expect(saved.status).toBe(200);
  });

  it("without a week, lists the week holding the district's today and names it", async () => {
    const listed = await json(call("/api/fidelity/forms", { token: t.teacher }));
    expect(listed.status).toBe(200);
    // The district's week (its zone): on a Sunday evening in Los Angeles, UTC's Monday does not count.
    expect(listed.body.week).toBe(week);
    expect(listed.body.items.map((f: FormRow) => f.id)).toEqual((await formsOf(t.teacher, week)).map((f) => f.id));
  });

  it("offers a session only on its week's school days: Thanksgiving week has Monday and Tuesday", async () => {
    const thanksgiving = (await formsOf(t.teacher, "2026-W48")).find((f) => f.studentId === sofia)!;
    const opened = await json(call(`/api/fidelity/forms/${thanksgiving.id}`, { token: t.teacher }));
    expect(opened.body.days).toEqual(["2026-11-23", "2026-11-24"]);
    const ordinary = (await formsOf(t.teacher, "2026-W47")).find((f) => f.studentId === sofia)!;
    expect((await json(call(`/api/fidelity/forms/${ordinary.id}`, { token: t.teacher }))).body.days).toEqual([
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
    ]);
  });

  it("brings an amendment made since into forms nobody has touched yet", async () => {
    const [ethanForm] = (await formsOf(t.teacher2, week)).filter((f) => f.status === "not_started");
    const before = await json(call(`/api/fidelity/forms/${ethanForm!.id}`, { token: t.teacher2 }));
    const latest = Iep.latest((await Student.load(ethanForm!.studentId))!.ieps)!;
    const { studentId: _s, version: _v, createdAt: _c, createdBy: _b, ...content } = latest;
    const body = {
      ...content,
      effectiveFrom: weekDays(week)[0],
      version: latest.version,
      accommodations: [...content.accommodations, { id: "acc-headphones", text: "Noise-reducing headphones" }],
    };
    expect((await call(`/api/students/${ethanForm!.studentId}/iep`, { method: "PUT", token: t.director, body })).status).toBe(201);
    await formsOf(t.teacher2, week);
    const after = await json(call(`/api/fidelity/forms/${ethanForm!.id}`, { token: t.teacher2 }));
    expect(after.body.iepVersion).toBe(before.body.iepVersion + 1);
    expect(after.body.plan.accommodations.map((a: { id: string }) => a.id)).toContain("acc-headphones");
    expect(after.body.acknowledgment.required).toBe(true);
  });

  it("audits every read and write of the form", async () => {
    const trail = await queryAll<{ action: string; actorName: string }>(keys.auditOf(sofia));
    const actions = new Set(trail.filter((e) => e.actorName === "Maria Alvarez").map((e) => e.action));
    for (const action of ["fidelity.form-list", "fidelity.form-read", "fidelity.form-save", "fidelity.form-submit", "fidelity.form-correct", "iep.acknowledge"])
      expect(actions).toContain(action);
    expect(trail.some((e) => e.action === "iep.write" && e.actorName === "Jennifer Park")).toBe(true);
  });
});
