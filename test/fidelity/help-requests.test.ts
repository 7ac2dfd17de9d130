import { beforeAll, describe, expect, it } from "vitest";
import { District } from "@fidelio/core/district";
import { helpDue, openHelpRequest } from "@fidelio/core/help";
import { newId } from "@fidelio/core/id";
import { clock } from "@fidelio/core/clock";
import { getItem, keys, putItem, queryAll } from "@fidelio/core/dynamo";
import { demoDistrictId } from "@fidelio/local/demo/seed";
import { seedDemo } from "../support/demo-table";
import { Student } from "@fidelio/core/student";
import { User } from "@fidelio/core/user";
import { call, signIn } from "../support/api";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { emailsTo, type StoredEmail } from "../support/mail";
import { currentWeek, demo, json, weeksAgo } from "./helpers";
import { roundsOf } from "@fidelio/local/bench/call-rounds";

pinClock(ordinarySchoolDay);

/** Grade 3 (Room 12): teacher@'s class; casemanager@ manages every elementary student's case. */
const CLASS = "cls-es-g3";

interface Answer {
  itemId: string;
  status: string;
  reason?: string;
  note?: string;
  needsHelp?: boolean;
}
interface ClassForm {
  id: string;
  studentId: string;
  studentName: string;
  version: number;
  status: string;
  plan: { accommodations: Array<{ id: string; text: string }> };
  accommodations: Answer[];
}
interface Help {
  id: string;
  studentId: string;
  studentName: string;
  itemId: string;
  itemText: string;
  trigger: string;
  status: string;
  dueOn: string;
  version: number;
  pastDue: boolean;
  teacherId: string;
  comments: Array<{ text: string }>;
  resolution?: { text: string; byName: string };
  can: { resolve: boolean; comment: boolean };
}
type Lists = { toAnswer: Help[]; mine: Help[] };

const t = {} as Record<"teacher" | "teacher2" | "casemanager" | "parent" | "director", string>;
let week = "";
let forms: ClassForm[] = [];
type Counts = { open: number; pastDue: number; resolved: number; schools: Array<{ schoolId: string; open: number; pastDue: number; resolved: number }> };
let before: Counts;
const directorReport = () =>
  json<{ patterns: Array<{ kind: string; schoolId: string; count: number; evidence: string[] }>; helpRequests: Counts }>(
    call("/api/reports/patterns", { token: t.director }),
  );

const classWeek = async (w: string) => (await json<{ forms: ClassForm[] }>(call(`/api/fidelity/classes/${CLASS}/weeks/${w}`, { token: t.teacher }))).body.forms;
const submit = (w: string, sent: object[]) =>
  json<{ results: Array<{ id: string; status: number; error?: string }> }>(
    call(`/api/fidelity/classes/${CLASS}/weeks/${w}/submit`, { token: t.teacher, body: { forms: sent } }),
  );
const provided = (f: ClassForm): Answer[] => f.plan.accommodations.map((a) => ({ itemId: a.id, status: "provided" }));
const lists = async (token: string) => json<Lists>(call("/api/help-requests", { token }));
const act = (token: string, id: string, body: object) => json<Help & { error?: string }>(call(`/api/help-requests/${id}/actions`, { token, body }));
const openFor = async (studentId: string) => (await lists(t.casemanager)).body.toAnswer.filter((h) => h.studentId === studentId && h.status === "open");

/** Mail from this file to `who` whose subject matches, waiting for the outbox to deliver it. */
async function mailTo(who: string, subject: RegExp, text = ""): Promise<StoredEmail> {
  for (const deadline = Date.now() + 15_000; ; ) {
    const found = (await emailsTo(who)).find((e) => subject.test(e.subject) && (e.body.text ?? "").includes(text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No email to ${who} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await seedDemo();
  for (const who of ["teacher", "teacher2", "casemanager", "parent", "director"] as const) t[who] = await signIn(demo(who));
  // The case manager reads Spanish: the request's email to them is in Spanish, the answer to the teacher in English.
  expect((await call("/api/me", { method: "PUT", token: t.casemanager, body: { language: "es" } })).status).toBe(200);
  week = await currentWeek();
  forms = await classWeek(week);
  before = (await directorReport()).body.helpRequests;
}, 120_000);

describe("the demo district", () => {
  it("has one open help request and one answered, both teacher@'s to casemanager@", async () => {
    const mine = (await lists(t.teacher)).body.mine;
    const toAnswer = (await lists(t.casemanager)).body.toAnswer;
    expect(mine.map((h) => [h.studentName, h.status]).sort()).toEqual([
      ["Harper Wilson", "resolved"],
      ["Sofia Martinez", "open"],
    ]);
    expect(toAnswer.map((h) => h.id).sort()).toEqual(mine.map((h) => h.id).sort());
    expect(before).toEqual({ open: 1, pastDue: 0, resolved: 1, schools: [expect.objectContaining({ open: 1, resolved: 1, pastDue: 0 })] });
  });
});

describe("help requests", () => {
  let asked: Help[] = [];

  it("opens one per support asked about on submitting: not sure how, materials missing, an explicit ask; not for other barriers", async () => {
    const [a, b] = forms as [ClassForm, ClassForm];
    const [i1, i2, i3] = a.plan.accommodations;
    const answersA: Answer[] = provided(a).map((x) =>
      x.itemId === i1!.id
        ? { itemId: x.itemId, status: "partly", reason: "not_sure_how", note: "The read-aloud takes the whole period" }
        : x.itemId === i2?.id
          ? { ...x, needsHelp: true }
          : x.itemId === i3?.id
            ? { itemId: x.itemId, status: "not_provided", reason: "student_absent" }
            : x,
    );
    const answersB: Answer[] = provided(b).map((x, n) => (n === 0 ? { itemId: x.itemId, status: "not_provided", reason: "materials_missing" } : x));
    const { body } = await submit(week, [
      { id: a.id, version: a.version, accommodations: answersA, services: [] },
      { id: b.id, version: b.version, accommodations: answersB, services: [] },
    ]);
    expect(body.results.map((r) => r.status)).toEqual([200, 200]);

    const cm = await lists(t.casemanager);
    expect(cm.status).toBe(200);
    const forA = cm.body.toAnswer.filter((h) => h.studentId === a.studentId);
    expect(forA.map((h) => [h.itemId, h.trigger]).sort()).toEqual([[i1!.id, "not_sure_how"], ...(i2 ? [[i2.id, "asked"]] : [])].sort());
    const forB = cm.body.toAnswer.filter((h) => h.studentId === b.studentId);
    expect(forB.map((h) => h.trigger)).toEqual(["materials_missing"]);
    asked = [...forA, ...forB];
    // Due in the district's school days from now (3 by default), never on a weekend or a closure.
    const district = (await District.load(demoDistrictId))!;
    for (const h of asked) {
      expect(h).toMatchObject({ status: "open", version: 1, pastDue: false, can: { resolve: true, comment: true } });
      expect(h.dueOn).toBe(helpDue(district, clock.now()).dueOn);
    }
    // The teacher sees the same requests as theirs, to comment on and not to resolve.
    const mine = (await lists(t.teacher)).body.mine.filter((h) => h.studentId === a.studentId || h.studentId === b.studentId);
    expect(mine.map((h) => h.id).sort()).toEqual(asked.map((h) => h.id).sort());
    expect(mine.every((h) => h.can.resolve === false && h.can.comment === true)).toBe(true);
    expect((await lists(t.teacher)).body.toAnswer).toEqual([]);
  });

  it("counts the due date in school days on the district's calendar, skipping closures, with the district's setting", async () => {
    const district = (await District.load(demoDistrictId))!;
    // Monday before Thanksgiving break (25-27 November): Tuesday, then Monday 30, then Tuesday 1 December.
    expect(helpDue(district, new Date("2026-11-23T18:00:00Z")).dueOn).toBe("2026-12-01");
    expect(helpDue({ ...district, helpRequestDueSchoolDays: 1 }, new Date("2026-11-24T18:00:00Z")).dueOn).toBe("2026-11-30");
    // The setting is stored like the others, and refused out of range.
    const { calendar, deadlines, fidelityGraceDays, version } = district;
    const admin = await signIn(demo("admin"));
    const bad = await call("/api/admin/district", {
      method: "PUT",
      token: admin,
      body: { calendar, deadlines, fidelityGraceDays, version, helpRequestDueSchoolDays: 0 },
    });
    expect(bad.status).toBe(400);
  });

  it("emails the case manager in their language, with the support, the reason and the due day", async () => {
    const h = asked.find((x) => x.trigger === "not_sure_how")!;
    const mail = await mailTo(demo("casemanager"), /pide ayuda/, h.itemText);
    expect(mail.subject).toBe(`Fidelio: Maria Alvarez pide ayuda con un apoyo de ${h.studentName}`);
    expect(mail.body.text).toContain(`"${h.itemText}"`);
    expect(mail.body.text).toContain("Motivo: El maestro no sabe bien cómo brindarlo.");
    expect(mail.body.text).toContain("Su nota: The read-aloud takes the whole period");
    expect(mail.body.text).toContain("Por favor responda a más tardar el");
  });

  it("keeps one open request per student and support under a burst of parallel submissions", async () => {
    const student = forms[2]!;
    const item = student.plan.accommodations[0]!.id;
    // Five earlier weeks' submitted forms corrected and this week's submitted, all at once, each asking for help with the same support.
    const weeks = await Promise.all([1, 2, 3, 4, 5].map((n) => weeksAgo(n + 1)));
    const earlier = await Promise.all(
      weeks.map(async (w) => {
        const f = (await classWeek(w)).find((x) => x.studentId === student.studentId)!;
        return { f, w };
      }),
    );
    const ask = (f: ClassForm) =>
      f.plan.accommodations.map((a) => ({
        ...(f.accommodations.find((x) => x.itemId === a.id) ?? { itemId: a.id, status: "provided" }),
        ...(a.id === item && { needsHelp: true }),
      }));
    const results = await Promise.all([
      ...earlier.map(({ f }) =>
        call(`/api/fidelity/forms/${f.id}`, {
          method: "PUT",
          token: t.teacher,
          body: { version: f.version, accommodations: ask(f), services: [], reason: "Asking for help with this support" },
        }),
      ),
      submit(week, [{ id: student.id, version: student.version, accommodations: ask(student), services: [] }]),
    ]);
    expect(results.slice(0, 5).map((r) => (r as Response).status)).toEqual([200, 200, 200, 200, 200]);
    const open = (await openFor(student.studentId)).filter((h) => h.itemId === item);
    expect(open).toHaveLength(1);
    const claims = await queryAll(keys.helpOpen(student.studentId, item));
    expect(claims).toHaveLength(1);
  });

  it("opens a request in its submission's own transaction: when the request cannot be written, neither is the form; submitting again writes both", async () => {
    const f = forms[5]!;
    // A support nobody has asked about yet (the demo's open request is about this student too).
    const claimed = new Set((await queryAll<{ sk: string }>({ pk: keys.helpOpen(f.studentId, "").pk })).map((c) => c.sk));
    const item = f.plan.accommodations.find((a) => !claimed.has(a.id))!.id;
    const answers = provided(f).map((x) => (x.itemId === item ? { ...x, needsHelp: true } : x));
    // The case manager's record unreadable for a moment: the request (and its email) cannot be written.
    const cm = (await User.byEmail(demo("casemanager")))!;
    const stored = (await getItem(keys.user(cm.id), true))!;
    await putItem({ ...stored, email: 42 });
    try {
      const failed = await call(`/api/fidelity/classes/${CLASS}/weeks/${week}/submit`, {
        token: t.teacher,
        body: { forms: [{ id: f.id, version: f.version, accommodations: answers, services: [] }] },
      });
      expect(failed.status).toBe(500);
    } finally {
      await putItem(stored);
    }
    // Nothing written: the form as it was, no request.
    const after = (await classWeek(week)).find((x) => x.id === f.id)!;
    expect(after).toMatchObject({ status: f.status, version: f.version });
    expect(await getItem(keys.helpOpen(f.studentId, item), true)).toBeUndefined();
    const again = await submit(week, [{ id: f.id, version: f.version, accommodations: answers, services: [] }]);
    expect(again.body.results.map((r) => r.status)).toEqual([200]);
    expect((await openFor(f.studentId)).filter((h) => h.itemId === item)).toHaveLength(1);
  });

  it("opens one when the same support is missed two weeks running", async () => {
    const student = forms[3]!;
    const item = student.plan.accommodations[0]!.id;
    const last = await weeksAgo(1);
    const before = (await classWeek(last)).find((f) => f.studentId === student.studentId)!;
    const missed = (f: ClassForm, reason: string) => provided(f).map((x) => (x.itemId === item ? { itemId: item, status: "not_provided", reason } : x));
    const lastWeek = await submit(last, [
      { id: before.id, version: before.version, accommodations: missed(before, "time_or_staff"), services: [], reason: "Recorded late" },
    ]);
    expect(lastWeek.body.results[0]!.status).toBe(200);
    // A miss for staffing alone opens nothing.
    expect((await openFor(student.studentId)).filter((h) => h.itemId === item)).toEqual([]);
    const now = (await classWeek(week)).find((f) => f.studentId === student.studentId)!;
    expect(
      (await submit(week, [{ id: now.id, version: now.version, accommodations: missed(now, "student_declined"), services: [] }])).body.results[0]!.status,
    ).toBe(200);
    expect((await openFor(student.studentId)).filter((h) => h.itemId === item).map((h) => h.trigger)).toEqual(["missed_twice"]);
  });

  it("a correction reads last week's form beside the student, and still sees a support missed twice", async () => {
    const student = forms[3]!;
    const item = student.plan.accommodations.at(-1)!.id;
    const [earlierWeek, formWeek] = [await weeksAgo(3), await weeksAgo(2)];
    const missed = (f: ClassForm, reason: string) => provided(f).map((x) => (x.itemId === item ? { itemId: item, status: "not_provided", reason } : x));
    const correct = (f: ClassForm, reason: string) =>
      call(`/api/fidelity/forms/${f.id}`, {
        method: "PUT",
        token: t.teacher,
        body: { version: f.version, accommodations: missed(f, reason), services: [], reason: "Corrected" },
      });
    // Both weeks were submitted (the demo's history); a correction opens what its revision newly asks.
    const earlier = (await classWeek(earlierWeek)).find((f) => f.studentId === student.studentId)!;
    expect([earlier.status, (await correct(earlier, "time_or_staff")).status]).toEqual(["submitted", 200]);
    const form = (await classWeek(formWeek)).find((f) => f.studentId === student.studentId)!;
    let corrected = 0;
    const rounds = await roundsOf(async () => {
      corrected = (await correct(form, "student_declined")).status;
    });
    expect([form.status, corrected]).toEqual(["submitted", 200]);
    // The session, the form, then the student, the district and last week's form together: last week's has no round of its own.
    expect(rounds.slice(0, 3).map((round) => round.map((c) => c.name).sort())).toEqual([["BatchGetItem"], ["GetItem"], ["GetItem", "GetItem", "Query"]]);
    expect((await openFor(student.studentId)).filter((h) => h.itemId === item).map((h) => h.trigger)).toEqual(["missed_twice"]);
  });

  it("is nobody else's: parents, the director, another teacher get 404; a teacher cannot resolve (403)", async () => {
    const h = asked[0]!;
    for (const who of ["parent", "director"] as const) {
      expect((await lists(t[who])).status).toBe(404);
      expect((await act(t[who], h.id, { action: "comment", text: "Hello", version: h.version })).status).toBe(404);
    }
    expect((await lists(t.teacher2)).body).toEqual({ toAnswer: [], mine: [] });
    expect((await act(t.teacher2, h.id, { action: "comment", text: "Hello", version: h.version })).status).toBe(404);
    expect((await act(t.casemanager, "hlp_00000000000000000000000000", { action: "comment", text: "x", version: 1 })).status).toBe(404);
    expect((await act(t.teacher, h.id, { action: "resolve", text: "Done", version: h.version })).status).toBe(403);
    expect((await act(t.casemanager, h.id, { action: "resolve", text: "", version: h.version })).status).toBe(400);
  });

  it("takes comments from both sides, refuses a stale version (409), and resolving emails the teacher the answer", async () => {
    const h = asked.find((x) => x.trigger === "not_sure_how")!;
    const comment = await act(t.teacher, h.id, { action: "comment", text: "Tuesdays are hardest.", version: h.version });
    expect(comment).toMatchObject({ status: 200, body: { version: 2, comments: [{ text: "Tuesdays are hardest." }] } });
    // The case manager's screen still holds version 1: refused, nothing written.
    const stale = await act(t.casemanager, h.id, { action: "resolve", text: "Modelled it", version: 1 });
    expect(stale).toMatchObject({ status: 409, body: { error: "conflict" } });
    const answer = "Modelled the read-aloud on Tuesday; left a laminated checklist.";
    const resolved = await act(t.casemanager, h.id, { action: "resolve", text: answer, version: 2 });
    expect(resolved).toMatchObject({ status: 200, body: { status: "resolved", version: 3, resolution: { text: answer, byName: "Jennifer Park" } } });
    expect((await act(t.casemanager, h.id, { action: "comment", text: "More", version: 3 })).status).toBe(409);
    const mail = await mailTo(demo("teacher"), /answered your request/);
    expect(mail.subject).toBe(`Fidelio: Jennifer Park answered your request about ${h.studentName}`);
    expect(mail.body.text).toContain(answer);
    // The support may be asked about again now.
    expect(await getItem(keys.helpOpen(h.studentId, h.itemId))).toBeUndefined();
    const mine = (await lists(t.teacher)).body.mine.find((x) => x.id === h.id)!;
    expect(mine).toMatchObject({ status: "resolved", can: { comment: false, resolve: false } });
  });

  it("emails each comment once to the other side, in their language; a refused comment sends nothing", async () => {
    const h = (await openFor(asked.find((x) => x.trigger === "materials_missing")!.studentId)).find((x) => x.trigger === "materials_missing")!;
    const fromTeacher = `Still no tablet on Mondays (${h.id}).`;
    const c1 = await act(t.teacher, h.id, { action: "comment", text: fromTeacher, version: h.version });
    expect(c1.status).toBe(200);
    // The case manager reads Spanish.
    const toManager = await mailTo(demo("casemanager"), /comentó la solicitud/, fromTeacher);
    expect(toManager.subject).toBe(`Fidelio: Maria Alvarez comentó la solicitud de ayuda sobre ${h.studentName}`);
    expect(toManager.body.text).toContain(`"${h.itemText}"`);
    const fromManager = `I will bring one on Monday (${h.id}).`;
    expect((await act(t.casemanager, h.id, { action: "comment", text: `${fromManager} stale`, version: h.version })).status).toBe(409);
    expect((await act(t.casemanager, h.id, { action: "comment", text: fromManager, version: c1.body.version })).status).toBe(200);
    const toTeacher = await mailTo(demo("teacher"), /commented on the help request/, fromManager);
    expect(toTeacher.subject).toBe(`Fidelio: Jennifer Park commented on the help request about ${h.studentName}`);
    // Once each, and never to the one who wrote it; the refused comment sent nothing.
    await new Promise((r) => setTimeout(r, 1500));
    const about = async (who: string, text: string) => (await emailsTo(who)).filter((e) => (e.body.text ?? "").includes(text));
    expect(await about(demo("casemanager"), fromTeacher)).toHaveLength(1);
    expect(await about(demo("teacher"), fromManager)).toHaveLength(1);
    expect(await about(demo("teacher"), fromTeacher)).toHaveLength(0);
    expect(await about(demo("casemanager"), fromManager)).toHaveLength(0);
    expect(await about(demo("teacher"), `${fromManager} stale`)).toHaveLength(0);
  });

  it("audits every read and write on the student's trail", async () => {
    const h = asked.find((x) => x.trigger === "not_sure_how")!;
    const trail = await queryAll<{ action: string; actorName: string; record: string }>(keys.auditOf(h.studentId));
    const of = (action: string) => trail.filter((e) => e.action === action && e.record === `help:${h.id}`).map((e) => e.actorName);
    expect(of("help.open")).toEqual(["Maria Alvarez"]);
    expect(of("help.list")).toEqual(expect.arrayContaining(["Jennifer Park", "Maria Alvarez"]));
    expect(of("help.comment")).toEqual(["Maria Alvarez"]);
    expect(of("help.resolve")).toEqual(["Jennifer Park"]);
  });

  it("shows past-due requests to the director as a pattern of their school, and the counts", async () => {
    const district = (await District.load(demoDistrictId))!;
    const record = (await Student.load(forms[4]!.studentId))!;
    const form = forms[4]!;
    const teacher = (await User.byEmail(demo("teacher")))!;
    const cm = (await User.byEmail(demo("casemanager")))!;
    // Opened three weeks ago: its due day has passed.
    const created = new Date(clock.ms() - 21 * 86_400_000).toISOString();
    const late = await openHelpRequest(
      User.toActor(teacher),
      "teacher",
      { itemId: form.plan.accommodations[0]!.id, itemText: form.plan.accommodations[0]!.text, trigger: "asked" },
      { ...form, districtId: district.id, schoolId: record.student.schoolId, staffId: teacher.id, staffName: teacher.name, week },
      { id: cm.id, name: cm.name },
      district,
      { id: newId("hlp"), createdAt: created },
    );
    expect(late).toBeDefined();
    const { status, body } = await directorReport();
    expect(status).toBe(200);
    const p = body.patterns.find((x) => x.kind === "help_requests_open")!;
    expect(p).toMatchObject({ schoolId: record.student.schoolId, count: 1, evidence: [late!.id] });
    expect(body.helpRequests.pastDue).toBe(before.pastDue + 1);
    expect(body.helpRequests.resolved).toBe(before.resolved + 1);
    expect(body.helpRequests.open).toBe((await lists(t.casemanager)).body.toAnswer.filter((h) => h.status === "open").length);
    // The case manager sees it as past due.
    expect((await lists(t.casemanager)).body.toAnswer.find((h) => h.id === late!.id)).toMatchObject({ pastDue: true });
  });

  it("gives the director the same counts on the fidelity report, for the district or one school; the administrator none", async () => {
    const patterns = (await directorReport()).body.helpRequests;
    const report = await json<{ helpRequests?: Counts }>(call("/api/reports/fidelity", { token: t.director }));
    expect(report.status).toBe(200);
    expect(report.body.helpRequests).toEqual({ open: patterns.open, pastDue: patterns.pastDue, resolved: patterns.resolved });
    const school = patterns.schools[0]!;
    const bySchool = await json<{ helpRequests?: Counts }>(call(`/api/reports/fidelity?schoolId=${school.schoolId}`, { token: t.director }));
    expect(bySchool.body.helpRequests).toEqual({ open: school.open, pastDue: school.pastDue, resolved: school.resolved });
    const elsewhere = await json<{ helpRequests?: Counts }>(call("/api/reports/fidelity?schoolId=nope", { token: t.director }));
    expect(elsewhere.body.helpRequests).toEqual({ open: 0, pastDue: 0, resolved: 0 });
    const admin = await json<{ helpRequests?: Counts }>(call("/api/reports/fidelity", { token: await signIn(demo("admin")) }));
    expect(admin.status).toBe(200);
    expect(admin.body.helpRequests).toBeUndefined();
  });
});

describe("the team note", () => {
  const path = () => `/api/team-notes/${forms[0]!.studentId}/${week}`;
  it("is shared by the teacher and the case manager, versioned (a second tab gets 409), and nobody else's", async () => {
    expect(await json(call(path(), { token: t.teacher }))).toMatchObject({ status: 200, body: { text: "", version: 0 } });
    const first = await json(call(path(), { method: "PUT", token: t.teacher, body: { text: "The visual timer worked.", version: 0 } }));
    expect(first).toMatchObject({ status: 200, body: { text: "The visual timer worked.", version: 1, updatedByName: "Maria Alvarez" } });
    expect(await json(call(path(), { token: t.casemanager }))).toMatchObject({ status: 200, body: { text: "The visual timer worked.", version: 1 } });
    // A tab opened before the first save: refused, with the note as it now is.
    const stale = await json(call(path(), { method: "PUT", token: t.casemanager, body: { text: "Field trip Friday.", version: 0 } }));
    expect(stale).toMatchObject({ status: 409, body: { errors: { current: { text: "The visual timer worked.", version: 1 } } } });
    const second = await json(call(path(), { method: "PUT", token: t.casemanager, body: { text: "Timer worked. Field trip Friday.", version: 1 } }));
    expect(second).toMatchObject({ status: 200, body: { version: 2, updatedByName: "Jennifer Park" } });
    expect((await call(path(), { token: t.parent })).status).toBe(403);
    expect((await call(path(), { token: t.director })).status).toBe(403);
    expect((await call(path(), { token: t.teacher2 })).status).toBe(404);
    expect((await call(path(), { method: "PUT", token: t.teacher, body: { text: "x".repeat(1001), version: 2 } })).status).toBe(400);
    const trail = await queryAll<{ action: string }>(keys.auditOf(forms[0]!.studentId));
    expect(trail.filter((e) => e.action === "team-note.save")).toHaveLength(2);
  });
});
