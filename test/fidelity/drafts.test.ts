import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { currentWeek, demo, formsOf, json, weeksAgo } from "./helpers";

/** A teacher never loses an answer: a draft keeps everything, and what still blocks submitting is named. */
const t = {} as Record<"teacher" | "teacher2" | "james", string>;
let lateDraft = "";
let sofia = "";
let week = "";

interface Opened {
  id: string;
  version: number;
  status: string;
  iepVersion: number;
  studentId: string;
  plan: { accommodations: Array<{ id: string }> };
  accommodations: Array<{ itemId: string; status: string; note?: string }>;
  blockers: Array<{ code: string; itemId?: string; version?: number }>;
}

const open = async (token: string, id: string) => (await json<Opened>(call(`/api/fidelity/forms/${id}`, { token }))).body;
const put = (token: string, id: string, body: object) => json<Opened & { error?: string }>(call(`/api/fidelity/forms/${id}`, { method: "PUT", token, body }));

beforeAll(async () => {
  await seedDemo();
  t.teacher = await signIn(demo("teacher"));
  t.teacher2 = await signIn(demo("teacher2"));
  t.james = await signIn(demo("james.wright"));
  week = await currentWeek();
  sofia = (await formsOf(t.teacher, week)).find((f) => f.studentName === "Sofia Martinez")!.studentId;
});

describe("a draft keeps every answer", () => {
  it("stores three answers, one of them 'not applicable' without its note, and names what blocks submitting; only submit refuses", async () => {
    const summary = (await formsOf(t.teacher, week)).find((f) => f.studentId === sofia)!;
    const form = await open(t.teacher, summary.id);
    expect(form.plan.accommodations.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = form.plan.accommodations.map((p) => p.id) as [string, string, string];
    const answers = [
      { itemId: a, status: "provided" },
      { itemId: b, status: "not_applicable" },
      { itemId: c, status: "partly", note: "Only on Monday", reason: "time_or_staff" },
    ];
    const saved = await put(t.teacher, summary.id, { version: form.version, accommodations: answers, services: [] });
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe("draft");
    expect(saved.body.accommodations).toEqual(answers);
    expect(saved.body.blockers).toEqual(expect.arrayContaining([{ code: "note_required", itemId: b }]));
    expect(saved.body.blockers.filter((x) => x.code === "unanswered").map((x) => x.itemId)).toEqual(form.plan.accommodations.slice(3).map((p) => p.id));

    // Reopened: every answer is there, and the same problem is named.
    const reopened = await open(t.teacher, summary.id);
    expect(reopened.accommodations).toEqual(answers);
    expect(reopened.blockers).toEqual(saved.body.blockers);

    // A stale save is still refused, and changes nothing.
    const stale = await put(t.teacher, summary.id, { version: form.version, accommodations: [], services: [] });
    expect(stale.status).toBe(409);
    expect((await open(t.teacher, summary.id)).accommodations).toEqual(answers);

    // Submit refuses, naming the items; nothing changes.
    await call(`/api/students/${sofia}/iep/acknowledge`, { token: t.teacher, body: { version: reopened.iepVersion } });
    const all = form.plan.accommodations.map((p, i) => answers[i] ?? { itemId: p.id, status: "provided" });
    const full = await put(t.teacher, summary.id, { version: reopened.version, accommodations: all, services: [] });
    expect(full.body.blockers).toEqual([{ code: "note_required", itemId: b }]);
    const refused = await json(call(`/api/fidelity/forms/${summary.id}/submit`, { token: t.teacher, body: { version: full.body.version } }));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: "incomplete", errors: { itemIds: [b], items: [{ code: "note_required", itemId: b }] } });
    expect((await open(t.teacher, summary.id)).status).toBe("draft");

    // With its note, nothing blocks, and it submits.
    const noted = all.map((x) => (x.itemId === b ? { ...x, note: "No test this week" } : x));
    const ready = await put(t.teacher, summary.id, { version: full.body.version, accommodations: noted, services: [] });
    expect(ready.body.blockers).toEqual([]);
    const submitted = await json(call(`/api/fidelity/forms/${summary.id}/submit`, { token: t.teacher, body: { version: ready.body.version } }));
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe("submitted");

    // A correction is a submitted record, not a draft: it must be complete.
    const incomplete = noted.map((x) => (x.itemId === b ? { itemId: b, status: "not_applicable" } : x));
    const correction = await put(t.teacher, summary.id, { version: submitted.body.version, accommodations: incomplete, services: [], reason: "Wrong answer" });
    expect(correction.status).toBe(422);
    expect(correction.body.error).toBe("incomplete");
    expect((await open(t.teacher, summary.id)).accommodations).toEqual(noted);
  });

  it("keeps a late week's answers before its reason is given; submitting asks for the reason", async () => {
    // The demo's James Wright stopped filling in forms three weeks ago: two weeks ago is late and untouched.
    const old = await weeksAgo(2);
    const late = (await formsOf(t.james, old))[0]!;
    const form = await open(t.james, late.id);
    expect(form.status).toBe("not_started");
    const answers = form.plan.accommodations.map((p) => ({ itemId: p.id, status: "provided" }));
    const saved = await put(t.james, late.id, { version: form.version, accommodations: answers, services: [] });
    expect(saved.status).toBe(200);
    expect(saved.body.accommodations).toEqual(answers);
    expect(saved.body.blockers).toContainEqual({ code: "reason_required" });
    const refused = await json(call(`/api/fidelity/forms/${late.id}/submit`, { token: t.james, body: { version: saved.body.version } }));
    expect(refused).toMatchObject({ status: 422, body: { error: "reason_required" } });
    expect((await open(t.james, late.id)).accommodations).toEqual(answers);
    lateDraft = late.id;
  });
});

describe("older open forms", () => {
  type Open = { items: Array<{ id: string; week: string; status: string; studentId: string }> };
  const openBefore = async (token: string, before: string) => (await json<Open>(call(`/api/fidelity/forms/open?before=${before}`, { token }))).body.items;

  it("lists my drafts and listed-but-untouched forms from before a week, not other people's, and drops them once submitted", async () => {
    const lastWeek = await weeksAgo(1);
    // The demo leaves all of teacher@'s forms of last week as drafts; the weeks before are submitted.
    const drafts = (await formsOf(t.teacher, lastWeek)).filter((f) => f.status !== "submitted");
    expect(drafts.length).toBeGreaterThan(0);
    const mine = await openBefore(t.teacher, week);
    expect(mine.map((f) => f.id).sort()).toEqual(drafts.map((f) => f.id).sort());
    expect(await openBefore(t.teacher, lastWeek)).toEqual([]);

    // James Wright: the late draft above, and the untouched forms of the week before, listed once.
    const third = await formsOf(t.james, await weeksAgo(3));
    const his = await openBefore(t.james, lastWeek);
    expect(his.find((f) => f.id === lateDraft)).toMatchObject({ week: await weeksAgo(2), status: "draft" });
    for (const f of third) expect(his.find((o) => o.id === f.id)?.status).toBe("not_started");
    expect(his.some((f) => f.week >= lastWeek)).toBe(false);

    // Someone else's forms never appear.
    expect((await openBefore(t.teacher2, week)).some((f) => f.id === lateDraft || drafts.some((d) => d.id === f.id))).toBe(false);
    expect((await call(`/api/fidelity/forms/open?before=nope`, { token: t.teacher })).status).toBe(400);

    // Submitted, a form is no longer open.
    const one = drafts[0]!;
    const form = await open(t.teacher, one.id);
    const answers = form.plan.accommodations.map((p) => ({ itemId: p.id, status: "provided" }));
    const saved = await put(t.teacher, one.id, { version: form.version, accommodations: answers, services: [], reason: "Finished after the weekend" });
    expect(saved.status).toBe(200);
    const submitted = await json(call(`/api/fidelity/forms/${one.id}/submit`, { token: t.teacher, body: { version: saved.body.version } }));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect((await openBefore(t.teacher, week)).some((f) => f.id === one.id)).toBe(false);
  });
});
