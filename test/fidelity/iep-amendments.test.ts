import { beforeAll, describe, expect, it } from "vitest";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { addWeeks, weekDays } from "@fidelio/core/fidelity";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { emailsTo } from "../support/mail";
import { currentWeek, demo, formsOf, json } from "./helpers";

/** An IEP amendment reaches the people who must carry it out: email in their language, a notice until acknowledged. */
const t = {} as Record<"teacher" | "teacher2" | "casemanager" | "parent", string>;
let sofia = "";
let week = "";
let draftId = "";
let draftVersion = 0;
let amended = 0;

const contentOf = async (studentId: string) => {
  const latest = Iep.latest((await Student.load(studentId))!.ieps)!;
  const { studentId: _s, version, createdAt: _c, createdBy: _b, ...content } = latest;
  return { version, content };
};

async function waitForEmail(address: string, subject: RegExp) {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const found = (await emailsTo(address)).find((e) => subject.test(e.subject));
    if (found) return found;
  }
  throw new Error(`no email to ${address} matching ${subject}`);
}

beforeAll(async () => {
  await seedDemo();
  for (const who of ["teacher", "teacher2", "casemanager", "parent"] as const) t[who] = await signIn(demo(who));
  week = await currentWeek();
  sofia = (await formsOf(t.teacher, week)).find((f) => f.studentName === "Sofia Martinez")!.studentId;
  // teacher@ reads Fidelio in Spanish.
  expect((await call("/api/me", { method: "PUT", token: t.teacher, body: { language: "es" } })).status).toBe(200);
  // A draft of this week, started before the amendment.
  const summary = (await formsOf(t.teacher, week)).find((f) => f.studentId === sofia)!;
  const opened = (await json(call(`/api/fidelity/forms/${summary.id}`, { token: t.teacher }))).body;
  const saved = await json(
    call(`/api/fidelity/forms/${summary.id}`, {
      method: "PUT",
      token: t.teacher,
      body: {
        version: opened.version,
        accommodations: opened.plan.accommodations.map((a: { id: string }) => ({ itemId: a.id, status: "provided" })),
        services: [],
      },
    }),
  );
  expect(saved.status).toBe(200);
  draftId = summary.id;
  draftVersion = saved.body.version;
});

describe("an IEP amendment", () => {
  it("emails each team member whose duties it changes, in their language, with what changed; nobody else", async () => {
    const { version, content } = await contentOf(sofia);
    const body = {
      ...content,
      // From this week's Wednesday: this week's form reports on it, last week's does not.
      effectiveFrom: weekDays(week)[2],
      version,
      accommodations: [...content.accommodations, { id: "acc-timer", text: "Visual timer during independent work" }],
    };
    const saved = await json(call(`/api/students/${sofia}/iep`, { method: "PUT", token: t.casemanager, body }));
    expect(saved.status).toBe(201);
    amended = saved.body.version;
    expect(saved.body.notified.map((m: { name: string }) => m.name)).toContain("Maria Alvarez");

    const mail = await waitForEmail(demo("teacher"), /^Cambió el IEP de Sofia Martinez/);
    expect(mail.body.text).toContain("Se agregó: Visual timer during independent work");
    expect(mail.body.text).toContain(`versión nueva (${amended})`);
    expect(mail.body.html).toContain('lang="es"');
    // teacher2 does not serve Sofia: no email.
    expect((await emailsTo(demo("teacher2"))).some((e) => e.subject.includes("Sofia Martinez"))).toBe(false);
  });

  it("shows on the teacher's home until they acknowledge it; the case manager sees who has and has not", async () => {
    const changes = await json(call("/api/students/iep-changes", { token: t.teacher }));
    expect(changes.status).toBe(200);
    const notice = changes.body.items.find((n: { studentId: string }) => n.studentId === sofia);
    expect(notice).toMatchObject({ studentName: "Sofia Martinez", version: amended, effectiveFrom: weekDays(week)[2] });
    expect(notice.changes).toEqual([{ kind: "accommodation", change: "added", id: "acc-timer", text: "Visual timer during independent work" }]);
    expect((await json(call("/api/students/iep-changes", { token: t.teacher2 }))).body.items).toEqual([]);
    expect((await call("/api/students/iep-changes", { token: t.parent })).status).toBe(403);

    const before = (await json(call(`/api/students/${sofia}`, { token: t.casemanager }))).body.amendment;
    expect(before.version).toBe(amended);
    expect(before.members.find((m: { name: string }) => m.name === "Maria Alvarez")).toMatchObject({ acknowledgedAt: null, changes: 1 });
    // Parents are told nothing of who acknowledged.
    expect((await json(call(`/api/students/${sofia}`, { token: t.parent }))).body.amendment).toBeNull();

    const ack = await json(call(`/api/students/${sofia}/iep/acknowledge`, { token: t.teacher, body: { version: amended } }));
    expect(ack.status).toBe(200);
    expect((await json(call("/api/students/iep-changes", { token: t.teacher }))).body.items.some((n: { studentId: string }) => n.studentId === sofia)).toBe(
      false,
    );
    const after = (await json(call(`/api/students/${sofia}`, { token: t.casemanager }))).body.amendment;
    expect(after.members.find((m: { name: string }) => m.name === "Maria Alvarez").acknowledgedAt).toBe(ack.body.at);
    // The notice's reading is audited.
    const trail = await queryAll<{ action: string; actorName: string }>(keys.auditOf(sofia));
    expect(trail.some((e) => e.action === "iep.notice-read" && e.actorName === "Maria Alvarez")).toBe(true);
  });

  it("is used by forms from its effective date: this week's draft moves to it keeping its answers; last week's stays", async () => {
    const listed = (await formsOf(t.teacher, week)).find((f) => f.id === draftId)!;
    expect(listed.status).toBe("draft");
    const form = (await json(call(`/api/fidelity/forms/${draftId}`, { token: t.teacher }))).body;
    expect(form.iepVersion).toBe(amended);
    expect(form.plan.accommodations.map((a: { id: string }) => a.id)).toContain("acc-timer");
    // Every earlier answer is kept; the new item waits for one.
    expect(form.accommodations).toHaveLength(form.plan.accommodations.length - 1);
    expect(form.blockers).toContainEqual({ code: "unanswered", itemId: "acc-timer" });
    // A screen still open on the old plan cannot overwrite it.
    const stale = await call(`/api/fidelity/forms/${draftId}`, {
      method: "PUT",
      token: t.teacher,
      body: { version: draftVersion, accommodations: [], services: [] },
    });
    expect(stale.status).toBe(409);

    const lastWeek = (await formsOf(t.teacher, addWeeks(week, -1))).find((f) => f.studentId === sofia)!;
    const last = (await json(call(`/api/fidelity/forms/${lastWeek.id}`, { token: t.teacher }))).body;
    expect(last.iepVersion).toBeLessThan(amended);
    expect(last.plan.accommodations.map((a: { id: string }) => a.id)).not.toContain("acc-timer");
  });

  it("that changes nothing a member provides tells them nothing", async () => {
    const { version, content } = await contentOf(sofia);
    const seen = (await emailsTo(demo("teacher"))).length;
    const body = { ...content, version, modifications: [...content.modifications, { id: "mod-spelling", text: "Spelling lists of 10 words" }] };
    const saved = await json(call(`/api/students/${sofia}/iep`, { method: "PUT", token: t.casemanager, body }));
    expect(saved.status).toBe(201);
    expect(saved.body.notified).toEqual([]);
    expect((await json(call("/api/students/iep-changes", { token: t.teacher }))).body.items).toEqual([]);
    // Opened by its link (no listing of the week), the draft follows this version too, answers kept.
    const before = (await json(call(`/api/fidelity/forms/${draftId}`, { token: t.teacher }))).body;
    expect(before.iepVersion).toBe(saved.body.version);
    expect(before.accommodations.length).toBe(before.plan.accommodations.length - 1);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await emailsTo(demo("teacher"))).length).toBe(seen);
  });
});
