import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { currentWeek, demo, json, weeksAgo } from "./helpers";

pinClock(ordinarySchoolDay);

/** Grade 3 (Room 12): teacher@'s class in the demo district, six students with an IEP. */
const CLASS = "cls-es-g3";

interface ClassForm {
  id: string;
  studentName: string;
  version: number;
  status: string;
  plan: { accommodations: Array<{ id: string }> };
  accommodations: Array<{ itemId: string; status: string; note?: string; reason?: string }>;
  classItemIds: string[];
  blockers: Array<{ code: string; itemId?: string }>;
}
interface ClassWeek {
  title: string;
  week: string;
  late: boolean;
  forms: ClassForm[];
}
interface Result {
  id: string;
  status: number;
  error?: string;
  form?: ClassForm & { note?: string };
  details?: { version?: number; blockers?: Array<{ code: string; itemId?: string }>; changed?: { accommodations: string[] } };
}

const t = {} as Record<"teacher" | "teacher2" | "casemanager" | "parent", string>;
let week = "";
const path = (w: string, cls = CLASS) => `/api/fidelity/classes/${cls}/weeks/${w}`;
const load = (token: string, w: string, cls = CLASS) => json<ClassWeek>(call(path(w, cls), { token }));
const submit = (token: string, w: string, forms: object[]) => json<{ results: Result[] }>(call(`${path(w)}/submit`, { token, body: { forms } }));
const allProvided = (form: ClassForm) => form.plan.accommodations.map((a) => ({ itemId: a.id, status: "provided" }));

beforeAll(async () => {
  await seedDemo();
  for (const who of ["teacher", "teacher2", "casemanager", "parent"] as const) t[who] = await signIn(demo(who));
  week = await currentWeek();
}, 120_000);

describe("a class's week", () => {
  it("lists each student of the class with their form, its version and the supports that apply in the class; nobody else's class is found", async () => {
    const { status, body } = await load(t.teacher, week);
    expect(status).toBe(200);
    expect(body.title).toBe("Grade 3 (Room 12)");
    expect(body.forms.map((f) => f.studentName)).toEqual(["Aiden Lee", "Chloe Davis", "Elijah Brown", "Harper Wilson", "Mateo Hernandez", "Sofia Martinez"]);
    for (const form of body.forms) {
      expect(form.version).toBeGreaterThanOrEqual(0);
      expect(form.classItemIds.length).toBeGreaterThan(0);
      expect(form.classItemIds.every((id) => form.plan.accommodations.some((a) => a.id === id))).toBe(true);
    }
    // Another teacher, a case manager who teaches another class, a class that does not exist: 404 alike.
    expect((await load(t.teacher2, week)).status).toBe(404);
    expect((await load(t.casemanager, week)).status).toBe(404);
    expect((await load(t.teacher, week, "cls-nope")).status).toBe(404);
    expect((await load(t.parent, week)).status).toBe(403);
    expect((await json(call(path("2026-W99"), { token: t.teacher }))).status).toBe(400);
  });

  it("submits form by form: submitted, 409 naming what changed, 422 naming what blocks it with the answers kept, 404 for a form not of the class", async () => {
    const { body } = await load(t.teacher, week);
    const [stale, blocked, badReason, ...rest] = body.forms as [ClassForm, ClassForm, ClassForm, ...ClassForm[]];
    // Someone saved the first form meanwhile (another tab): the class submit holds the old version.
    const first = allProvided(stale);
    const other = await json<ClassForm>(
      call(`/api/fidelity/forms/${stale.id}`, {
        method: "PUT",
        token: t.teacher,
        body: { version: stale.version, accommodations: first.slice(0, 1), services: [] },
      }),
    );
    expect(other.status).toBe(200);
    const item = blocked.plan.accommodations[0]!.id;
    const blockedAnswers = [{ itemId: item, status: "not_provided", reason: "other" }, ...allProvided(blocked).slice(1)];
    const sent = [
      { id: stale.id, version: stale.version, accommodations: first, services: [] },
      { id: blocked.id, version: blocked.version, accommodations: blockedAnswers, services: [] },
      { id: badReason.id, version: badReason.version, accommodations: allProvided(badReason).map((a) => ({ ...a, reason: "student_absent" })), services: [] },
      ...rest.map((f) => ({ id: f.id, version: f.version, accommodations: allProvided(f), services: [] })),
      { id: "frm_00000000000000000000000000", version: 0, accommodations: [], services: [] },
    ];
    const { status, body: answer } = await submit(t.teacher, week, sent);
    expect(status).toBe(200);
    const byId = new Map(answer.results.map((r) => [r.id, r]));
    expect(answer.results).toHaveLength(sent.length);

    expect(byId.get(stale.id)).toMatchObject({ status: 409, error: "conflict" });
    expect(byId.get(stale.id)!.details!.changed!.accommodations).toEqual(stale.plan.accommodations.slice(1).map((a) => a.id));

    // "Other" needs its note: the answers are saved as the draft, and the note is named.
    const held = byId.get(blocked.id)!;
    expect(held).toMatchObject({ status: 422, error: "not_submitted" });
    expect(held.details!.blockers).toEqual([{ code: "note_required", itemId: item }]);
    expect(held.details!.version).toBe(blocked.version + 1);

    // A reason belongs only to a miss: refused, nothing written.
    expect(byId.get(badReason.id)).toMatchObject({ status: 422, error: "reason_without_miss" });
    for (const f of rest) expect(byId.get(f.id)).toMatchObject({ status: 200, form: { status: "submitted", version: f.version + 1 } });
    expect(byId.get("frm_00000000000000000000000000")).toMatchObject({ status: 404 });

    const after = new Map((await load(t.teacher, week)).body.forms.map((f) => [f.id, f]));
    expect(after.get(blocked.id)).toMatchObject({ status: "draft", accommodations: blockedAnswers, version: blocked.version + 1 });
    expect(after.get(badReason.id)).toMatchObject({ status: badReason.status, version: badReason.version });
    expect(after.get(stale.id)).toMatchObject({ version: stale.version + 1, accommodations: first.slice(0, 1) });

    // With the note, the held form goes through.
    const fixed = await submit(t.teacher, week, [
      {
        id: blocked.id,
        version: held.details!.version,
        accommodations: [{ ...blockedAnswers[0], note: "Projector broken" }, ...blockedAnswers.slice(1)],
        services: [],
        note: "Worked in a small group all week",
      },
    ]);
    expect(fixed.body.results[0]).toMatchObject({ status: 200, form: { status: "submitted", note: "Worked in a small group all week" } });
    // A miss without its barrier blocks submitting, by its item.
    const missing = await submit(t.teacher, week, [
      { id: stale.id, version: stale.version + 1, accommodations: [{ ...first[0], status: "partly" }, ...first.slice(1)], services: [] },
    ]);
    expect(missing.body.results[0]).toMatchObject({ status: 422, details: { blockers: [{ code: "barrier_required", itemId: first[0]!.itemId }] } });
  });

  it("a week past the grace period is held until it says why it is late, every answer kept", async () => {
    const last = await weeksAgo(1);
    const { body } = await load(t.teacher, last);
    expect(body.late).toBe(true);
    const open = body.forms.filter((f) => f.status !== "submitted");
    expect(open.length).toBeGreaterThan(0);
    const forms = open.map((f) => ({ id: f.id, version: f.version, accommodations: allProvided(f), services: [] }));
    const held = await submit(t.teacher, last, forms);
    for (const r of held.body.results) expect(r).toMatchObject({ status: 422, error: "not_submitted", details: { blockers: [{ code: "reason_required" }] } });
    const again = forms.map((f, i) => ({ ...f, version: held.body.results[i]!.details!.version!, reason: "Entered after the Thanksgiving break" }));
    const done = await submit(t.teacher, last, again);
    for (const r of done.body.results) expect(r).toMatchObject({ status: 200, form: { status: "submitted" } });
  });
});
