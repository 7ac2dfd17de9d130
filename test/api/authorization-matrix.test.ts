import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../support/demo-table";
import { studentItem } from "@fidelio/core/student";
import { getItem, keys, putItem } from "@fidelio/core/dynamo";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { startWorkflowRunner } from "../support/workflow";
import { newId } from "@fidelio/core/id";
import { call, signIn } from "../support/api";
import { District } from "@fidelio/core/district";
import { districtToday, isoWeekOf } from "@fidelio/core/fidelity";
import { demoDistrictId, demoSettings } from "@fidelio/local/demo/seed";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { caseManagerOf, openHelpRequest } from "@fidelio/core/help";
import { User } from "@fidelio/core/user";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

/**
 * Every route × every demo role × (an object that is theirs, an object that is not), with the exact
 * status each must get. "Theirs" follows relationships: a parent's own child, a teacher's served
 * student, the director's district. Someone else's record answers 404; a role that may never do the
 * action answers 403.
 */
const accounts = ["admin", "director", "casemanager", "teacher", "teacher2", "parent", "parent2", "advocate"] as const;
type Who = (typeof accounts)[number];
const email = (who: Who) => `${who}@demo.fidelio.test`;

const tokens = {} as Record<Who, string>;
const own = {} as Record<Who, string>;
const other = {} as Record<Who, string>;

const ownConcern = {} as Record<Who, string>;
const otherConcern = {} as Record<Who, string>;
const ownForm = {} as Record<Who, string>;
const otherForm = {} as Record<Who, string>;
const ownHelp = {} as Record<Who, string>;
const otherHelp = {} as Record<Who, string>;
let week = "";
const helpFor = (who: Who, id: string) => (id === own[who] ? ownHelp[who] : otherHelp[who]);
const formFor = (who: Who, id: string) => (id === own[who] ? ownForm[who] : otherForm[who]);
/** Records requests by student: parent@'s for their child, parent2@'s for theirs (made in beforeAll). */
const recordsRequestOf: Record<string, string> = {};
// The case manager's own student for records: parent@'s child, on their caseload (their first student may have no request).
const recordsStudent = (who: Who, id: string) => (who === "casemanager" && id === own[who] ? own.parent : id);
const recordsPath = (who: Who, id: string) => {
  const studentId = recordsStudent(who, id);
  return `/api/students/${studentId}/records-requests/${recordsRequestOf[studentId] ?? newId("rrq")}`;
};

/** A new IEP version with the same content as the latest, made against the latest version. */
async function iepBody(studentId: string) {
  const latest = Iep.latest((await Student.load(studentId))?.ieps ?? []);
  const {
    studentId: _s,
    version = 0,
    createdAt: _c,
    createdBy: _b,
    ...content
  } = latest ?? { effectiveFrom: "2026-09-01", accommodations: [], modifications: [], services: [], goals: [] };
  return { ...content, version };
}
const latestIep = async (studentId: string) => Iep.latest((await Student.load(studentId))?.ieps ?? [])?.version ?? 1;

let workflow: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => workflow?.stop());

/** A filing body for a demo child: the first IEP item in effect and the class `teacherName` teaches. */
async function filing(studentId: string, teacherName?: string) {
  const record = (await Student.load(studentId))!;
  const iep = Iep.inEffect(record.ieps, districtToday(demoSettings));
  const classId = record.relationships.find((r) => r.kind === "teacher" && r.userName === teacherName)?.classes?.[0]?.id;
  return { studentId, itemIds: [iep?.accommodations[0]?.id ?? "none"], description: "Extended time is not happening.", ...(classId && { classId }) };
}

async function file(who: Who, body: Record<string, unknown>) {
  const res = await call("/api/concerns", { token: tokens[who], body, headers: { "idempotency-key": randomUUID() } });
  return ((await res.json()) as { id: string }).id;
}

/** Waits until the workflow waits on the concern at `level` (its task token stored), so an action resumes it. */
/** The concern's version once its execution waits on it at `level`. */
async function waitingAt(id: string, level: string) {
  for (let i = 0; i < 400; i++) {
    const item = await getItem<{ level: string; stage: string; taskToken?: string; version: number }>(keys.concern(id), true);
    if (item?.level === level && item.stage === "wait" && item.taskToken) return item.version;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Concern ${id} never waited at ${level}`);
}

async function studentIdsOf(who: Who): Promise<string[]> {
  const res = await call("/api/students", { token: tokens[who] });
  return ((await res.json()) as { items: Array<{ id: string }> }).items.map((s) => s.id);
}

beforeAll(async () => {
  await seedDemo();
  for (const who of accounts) tokens[who] = await signIn(email(who));
  const [childOfParent] = await studentIdsOf("parent");
  const [childOfParent2] = await studentIdsOf("parent2");
  // A student in another district: the director's and admin's "someone else's" record.
  const outsider = newId("stu");
  await putItem(
    studentItem({
      id: outsider,
      districtId: "dis_01other00000000000000000000",
      schoolId: "sch_x",
      schoolName: "Elsewhere",
      firstName: "Out",
      lastName: "Sider",
      grade: "5",
    }),
  );
  const caseload = await studentIdsOf("casemanager");
  const district = await studentIdsOf("director");
  Object.assign(own, {
    parent: childOfParent,
    parent2: childOfParent2,
    teacher: childOfParent,
    teacher2: childOfParent2,
    casemanager: caseload[0],
    director: childOfParent,
    admin: childOfParent,
    advocate: childOfParent,
  });
  // Concerns: A (parent@, with teacher@), B (parent2@, with teacher2@), C (parent@, climbed to advocate@).
  workflow = await startWorkflowRunner({ timeScale: 1 });
  const a = await file("parent", await filing(childOfParent!, "Maria Alvarez"));
  const b = await file("parent2", await filing(childOfParent2!, "David Chen"));
  const c = await file("parent", { ...(await filing(childOfParent!, "Maria Alvarez")), advocateEmail: email("advocate") });
  for (const [who, level] of [
    ["teacher", "teacher"],
    ["casemanager", "case_manager"],
    ["director", "director"],
  ] as const) {
    const version = await waitingAt(c, level);
    const res = await call(`/api/concerns/${c}/actions`, { token: tokens[who], body: { action: "escalate", text: "Needs the next level.", version } });
    if (res.status !== 200) throw new Error(`escalate as ${who} answered ${res.status}`);
  }
  await waitingAt(c, "advocate");
  week = isoWeekOf(districtToday((await District.load(demoDistrictId))!));
  const formsOf = async (who: Who) =>
    ((await (await call(`/api/fidelity/forms?week=${week}`, { token: tokens[who] })).json()) as { items: Array<{ id: string; studentId: string }> }).items;
  const [teacherForms, teacher2Forms, caseManagerForms] = [await formsOf("teacher"), await formsOf("teacher2"), await formsOf("casemanager")];
  const teacherForm = teacherForms.find((f) => f.studentId === childOfParent)!.id;
  const teacher2Form = teacher2Forms.find((f) => f.studentId === childOfParent2)!.id;
  Object.assign(ownForm, Object.fromEntries(accounts.map((w) => [w, teacherForm])), {
    teacher: teacherForm,
    teacher2: teacher2Form,
    casemanager: caseManagerForms[0]!.id,
  });
  Object.assign(otherForm, Object.fromEntries(accounts.map((w) => [w, teacher2Form])), {
    teacher: teacher2Form,
    teacher2: teacherForm,
    casemanager: teacher2Form,
  });
  // Help requests: teacher@ asking about parent@'s child (to casemanager@), teacher2@ about parent2@'s child (to that child's case manager).
  const settings = (await District.load(demoDistrictId))!;
  const ask = async (teacherEmail: string, studentId: string, formId: string) => {
    const teacher = (await User.byEmail(teacherEmail))!;
    const record = (await Student.load(studentId))!;
    const item = Iep.inEffect(record.ieps, districtToday(settings))!.accommodations[0]!;
    const form = {
      id: formId,
      districtId: settings.id,
      schoolId: record.student.schoolId,
      studentId,
      studentName: record.student.firstName,
      staffId: teacher.id,
      staffName: teacher.name,
      week,
    };
    const opened = await openHelpRequest(
      User.toActor(teacher),
      "teacher",
      { itemId: item.id, itemText: item.text, trigger: "asked" },
      form,
      caseManagerOf(record, teacher.id)!,
      settings,
    );
    return opened!.id;
  };
  const helpA = await ask(email("teacher"), childOfParent!, teacherForm);
  const helpB = await ask(email("teacher2"), childOfParent2!, teacher2Form);
  Object.assign(ownHelp, Object.fromEntries(accounts.map((w) => [w, helpA])), { teacher2: helpB });
  Object.assign(otherHelp, Object.fromEntries(accounts.map((w) => [w, helpB])), { teacher2: helpA });
  // Records requests: each parent asks for their child's records (an open one from the demo is answered again).
  for (const [who, studentId] of [
    ["parent", childOfParent!],
    ["parent2", childOfParent2!],
  ] as const) {
    const res = await call(`/api/students/${studentId}/records-requests`, { token: tokens[who], body: {} });
    if (res.status !== 201 && res.status !== 200) throw new Error(`records request as ${who} answered ${res.status}`);
    recordsRequestOf[studentId] = ((await res.json()) as { id: string }).id;
  }
  Object.assign(ownConcern, { parent: a, parent2: b, teacher: a, teacher2: b, casemanager: a, director: a, admin: a, advocate: c });
  Object.assign(otherConcern, { parent: b, parent2: a, teacher: b, teacher2: a, casemanager: b, director: newId("con"), admin: b, advocate: a });
  Object.assign(other, {
    parent: childOfParent2,
    parent2: childOfParent,
    teacher: childOfParent2,
    teacher2: childOfParent,
    casemanager: district.find((id) => !caseload.includes(id)),
    director: outsider,
    admin: outsider,
    advocate: childOfParent2,
  });
});

describe("the demo district's relationships", () => {
  it("gives each parent exactly their own child and each teacher only the students they serve", async () => {
    expect(await studentIdsOf("parent")).toEqual([own.parent]);
    expect(await studentIdsOf("parent2")).toEqual([own.parent2]);
    expect(own.parent).not.toBe(own.parent2);
    expect(await studentIdsOf("teacher")).toContain(own.parent);
    expect(await studentIdsOf("teacher")).not.toContain(own.parent2);
    expect(await studentIdsOf("teacher2")).not.toContain(own.parent);
    expect(await studentIdsOf("casemanager")).toContain(own.parent);
    expect(other.casemanager).toBeDefined();
    expect(await studentIdsOf("advocate")).toEqual([]);
    expect((await studentIdsOf("director")).length).toBeGreaterThanOrEqual(25);
  });
});

type Expect = Record<Who, [ownStatus: number, otherStatus: number]>;
const all = (own: number, other: number) => Object.fromEntries(accounts.map((w) => [w, [own, other]])) as Expect;

const routes: Array<{ name: string; request: (who: Who, id: string, concern: string) => Response | Promise<Response>; expect: Expect }> = [
  { name: "GET /api/me", request: (who) => call("/api/me", { token: tokens[who] }), expect: all(200, 200) },
  // One's own preference: every role may set it, and it touches no student record.
  { name: "PUT /api/me {language}", request: (who) => call("/api/me", { method: "PUT", token: tokens[who], body: { language: "es" } }), expect: all(200, 200) },
  { name: "GET /api/students", request: (who) => call("/api/students", { token: tokens[who] }), expect: all(200, 200) },
  {
    name: "GET /api/students?q=&schoolId=&grade=&order= (district search)",
    request: (who) => call("/api/students?q=a&grade=03&order=desc", { token: tokens[who] }),
    expect: { ...all(403, 403), admin: [200, 200], director: [200, 200] },
  },
  {
    name: "GET /api/students/schools",
    request: (who) => call("/api/students/schools", { token: tokens[who] }),
    expect: { ...all(403, 403), admin: [200, 200], director: [200, 200] },
  },
  {
    name: "GET /api/students/classes",
    request: (who) => call("/api/students/classes", { token: tokens[who] }),
    expect: { ...all(403, 403), teacher: [200, 200], teacher2: [200, 200], casemanager: [200, 200] },
  },
  {
    name: "GET /api/students/:id",
    request: (who, id) => call(`/api/students/${id}`, { token: tokens[who] }),
    expect: { ...all(200, 404), advocate: [404, 404] },
  },
  {
    name: "GET /api/audit?studentId=",
    request: (who, id) => call(`/api/audit?studentId=${id}`, { token: tokens[who] }),
    expect: { ...all(200, 404), casemanager: [403, 403], teacher: [403, 403], teacher2: [403, 403], advocate: [403, 403] },
  },
  {
    name: "GET /api/audit?studentId=&kind=&actorId=&hideMine=",
    request: (who, id) => call(`/api/audit?studentId=${id}&kind=opened&hideMine=1`, { token: tokens[who] }),
    expect: { ...all(200, 404), casemanager: [403, 403], teacher: [403, 403], teacher2: [403, 403], advocate: [403, 403] },
  },
  {
    name: "GET /api/admin/district",
    request: (who) => call("/api/admin/district", { token: tokens[who] }),
    expect: { ...all(403, 403), admin: [200, 200], director: [200, 200] },
  },
  {
    name: "PUT /api/admin/district",
    request: async (who) => {
      const current = (await (await call("/api/admin/district", { token: tokens.admin })).json()) as Record<string, unknown>;
      const { calendar, deadlines, fidelityGraceDays, version } = current;
      return call("/api/admin/district", { method: "PUT", token: tokens[who], body: { calendar, deadlines, fidelityGraceDays, version } });
    },
    expect: { ...all(403, 403), admin: [200, 200] },
  },
  {
    name: "POST /api/admin/roster (no files: allowed but invalid)",
    request: (who) => call("/api/admin/roster", { method: "POST", token: tokens[who], form: new FormData() }),
    expect: { ...all(403, 403), admin: [400, 400] },
  },
  {
    name: "GET /api/admin/roster/without-email",
    request: (who) => call("/api/admin/roster/without-email", { token: tokens[who] }),
    expect: { ...all(403, 403), admin: [200, 200] },
  },
  {
    name: "POST /api/admin/roster/jobs/:id/confirm (no such job)",
    request: (who) => call("/api/admin/roster/jobs/rjb_0000000000000000000000000z/confirm", { method: "POST", token: tokens[who], body: {} }),
    expect: { ...all(403, 403), admin: [404, 404] },
  },
  {
    name: "DELETE /api/admin/roster/jobs/:id (no such job)",
    request: (who) => call("/api/admin/roster/jobs/rjb_0000000000000000000000000z", { method: "DELETE", token: tokens[who] }),
    expect: { ...all(403, 403), admin: [404, 404] },
  },
  {
    name: "POST /api/concerns (own child, someone else's)",
    request: async (who, id) => call("/api/concerns", { token: tokens[who], body: await filing(id), headers: { "idempotency-key": randomUUID() } }),
    expect: { ...all(403, 403), parent: [201, 404], parent2: [201, 404] },
  },
  {
    name: "GET /api/concerns",
    request: (who) => call("/api/concerns", { token: tokens[who] }),
    expect: { ...all(200, 200), admin: [403, 403] },
  },
  {
    name: "GET /api/concerns/waiting",
    request: (who) => call("/api/concerns/waiting", { token: tokens[who] }),
    expect: { ...all(200, 200), admin: [403, 403] },
  },
  {
    name: "GET /api/concerns/:id",
    request: (who, _id, concern) => call(`/api/concerns/${concern}`, { token: tokens[who] }),
    expect: { ...all(200, 404), admin: [404, 404] },
  },
  {
    name: "GET /api/concerns/:id/verify",
    request: (who, _id, concern) => call(`/api/concerns/${concern}/verify`, { token: tokens[who] }),
    expect: { ...all(200, 404), admin: [404, 404] },
  },
  {
    // The family, the staff it was assigned to, the director, the advocate it was handed to; the case manager
    // sees concern A through the caseload but was never assigned it.
    name: "GET /api/concerns/:id/packet",
    request: (who, _id, concern) => call(`/api/concerns/${concern}/packet`, { token: tokens[who] }),
    expect: { ...all(200, 404), casemanager: [404, 404], admin: [404, 404] },
  },
  {
    // The district's board, the director's alone (the administrator runs roster and settings); "someone else's" is
    // another school's slice (empty), since another district is unreachable.
    name: "GET /api/reports/escalations",
    request: (who, _id, concern) =>
      call(`/api/reports/escalations${concern === ownConcern[who] ? "" : "?schoolId=sch_elsewhere&level=director"}`, { token: tokens[who] }),
    expect: { ...all(404, 404), director: [200, 200] },
  },
  {
    // Confirming an open concern: the parent's own is the wrong state (409), staff are the wrong person (403).
    name: "POST /api/concerns/:id/actions",
    // Made against the concern's current version (a concern nobody may see has none to read: 0).
    request: async (who, _id, concern) =>
      call(`/api/concerns/${concern}/actions`, {
        token: tokens[who],
        body: { action: "confirm", version: (await getItem<{ version: number }>(keys.concern(concern), true))?.version ?? 0 },
      }),
    expect: { ...all(403, 404), parent: [409, 404], parent2: [409, 404], admin: [404, 404] },
  },
  {
    name: "PUT /api/students/:id/iep",
    request: async (who, id) => call(`/api/students/${id}/iep`, { method: "PUT", token: tokens[who], body: await iepBody(id) }),
    expect: { ...all(403, 403), casemanager: [201, 404], director: [201, 404], admin: [201, 404] },
  },
  {
    name: "POST /api/students/:id/iep/acknowledge",
    request: async (who, id) => call(`/api/students/${id}/iep/acknowledge`, { token: tokens[who], body: { version: await latestIep(id) } }),
    expect: { ...all(403, 403), teacher: [200, 404], teacher2: [200, 404], casemanager: [200, 404] },
  },
  {
    name: "GET /api/fidelity/forms?week=",
    request: (who) => call(`/api/fidelity/forms?week=${week}`, { token: tokens[who] }),
    expect: { ...all(403, 403), teacher: [200, 200], teacher2: [200, 200], casemanager: [200, 200] },
  },
  {
    name: "GET /api/fidelity/forms/:id",
    request: (who, id) => call(`/api/fidelity/forms/${formFor(who, id)}`, { token: tokens[who] }),
    expect: { ...all(403, 403), teacher: [200, 404], teacher2: [200, 404], casemanager: [200, 404] },
  },
  {
    name: "PUT /api/fidelity/forms/:id (draft)",
    request: async (who, id) => {
      const form = await getItem<{ version: number }>(keys.fidelityForm(formFor(who, id)), true);
      return call(`/api/fidelity/forms/${formFor(who, id)}`, {
        method: "PUT",
        token: tokens[who],
        body: { version: form?.version ?? 0, accommodations: [], services: [] },
      });
    },
    expect: { ...all(403, 403), teacher: [200, 404], teacher2: [200, 404], casemanager: [200, 404] },
  },
  {
    // A stale version: the owner learns of the conflict (409), nobody else learns the form exists.
    name: "POST /api/fidelity/forms/:id/submit",
    request: (who, id) => call(`/api/fidelity/forms/${formFor(who, id)}/submit`, { token: tokens[who], body: { version: 999_999 } }),
    expect: { ...all(403, 403), teacher: [409, 404], teacher2: [409, 404], casemanager: [409, 404] },
  },
  {
    name: "GET /api/students/:id/fidelity",
    request: (who, id) => call(`/api/students/${id}/fidelity`, { token: tokens[who] }),
    expect: { ...all(200, 404), advocate: [403, 403] },
  },
  {
    // The IEP review summary follows the fidelity read: the same people, the family included.
    name: "GET /api/students/:id/iep/review",
    request: (who, id) => call(`/api/students/${id}/iep/review?format=csv`, { token: tokens[who] }),
    expect: { ...all(200, 404), advocate: [403, 403] },
  },
  {
    // Make-up plans: whoever may see the student's minutes.
    name: "GET /api/students/:id/compensatory",
    request: (who, id) => call(`/api/students/${id}/compensatory`, { token: tokens[who] }),
    expect: { ...all(200, 404), advocate: [403, 403] },
  },
  {
    // A new make-up plan: the case manager or the director; the due day is past, so an allowed request is refused (422) and writes nothing.
    name: "POST /api/students/:id/compensatory",
    request: (who, id) =>
      call(`/api/students/${id}/compensatory`, {
        token: tokens[who],
        body: { serviceId: "svc-reading", minutes: 10, plan: "One session", provider: "usr_x", dueOn: "2026-12-01" },
      }),
    expect: { ...all(403, 403), casemanager: [422, 404], director: [422, 404] },
  },
  {
    // Asking for a child's records: the child's own parent only; their open request is answered again (200), not doubled.
    name: "POST /api/students/:id/records-requests",
    request: (who, id) => call(`/api/students/${id}/records-requests`, { token: tokens[who], body: {} }),
    expect: { ...all(403, 403), parent: [200, 404], parent2: [200, 404] },
  },
  {
    // The requests: the family, and the staff who may release them (the case manager, the director); anyone else as if there were none.
    name: "GET /api/students/:id/records-requests",
    request: (who, id) => call(`/api/students/${recordsStudent(who, id)}/records-requests`, { token: tokens[who] }),
    expect: { ...all(404, 404), parent: [200, 404], parent2: [200, 404], casemanager: [200, 404], director: [200, 404] },
  },
  {
    // Releasing at a stale version: the staff who may release learn of the conflict (409) and release nothing; nobody else learns it exists.
    name: "POST /api/students/:id/records-requests/:requestId/release",
    request: (who, id) => call(`${recordsPath(who, id)}/release`, { token: tokens[who], body: { version: 999 } }),
    expect: { ...all(403, 403), casemanager: [409, 404], director: [409, 404] },
  },
  {
    // The bundle: the parent who asked, once released (409 before); another family's 404, staff 403.
    name: "GET /api/students/:id/records-requests/:requestId/bundle",
    request: (who, id) => call(`${recordsPath(who, id)}/bundle`, { token: tokens[who] }),
    expect: { ...all(403, 403), parent: [409, 404], parent2: [409, 404] },
  },
  {
    name: "GET /api/reports/fidelity",
    request: (who) => call("/api/reports/fidelity?format=csv", { token: tokens[who] }),
    expect: { ...all(403, 403), admin: [200, 200], director: [200, 200] },
  },
  {
    // The director's patterns: like the board, everyone else is answered as if there were none.
    name: "GET /api/reports/patterns",
    request: (who) => call("/api/reports/patterns", { token: tokens[who] }),
    expect: { ...all(404, 404), director: [200, 200] },
  },
  {
    // Help requests: the case manager asked and the teacher who asked; everyone else, parents and the director included, 404.
    name: "GET /api/help-requests",
    request: (who) => call("/api/help-requests", { token: tokens[who] }),
    expect: { ...all(404, 404), teacher: [200, 200], teacher2: [200, 200], casemanager: [200, 200] },
  },
  {
    // A stale version: the two people on the request learn of the conflict (409), nobody else learns it exists.
    name: "POST /api/help-requests/:id/actions",
    request: (who, id) =>
      call(`/api/help-requests/${helpFor(who, id)}/actions`, { token: tokens[who], body: { action: "comment", text: "Hello", version: 999 } }),
    expect: { ...all(404, 404), teacher: [409, 404], teacher2: [409, 404], casemanager: [409, 404] },
  },
  {
    name: "GET /api/team-notes/:studentId/:week",
    request: (who, id) => call(`/api/team-notes/${id}/${week}`, { token: tokens[who] }),
    expect: { ...all(403, 403), teacher: [200, 404], teacher2: [200, 404], casemanager: [200, 404] },
  },
  {
    // A stale version: refused (409) for the student's team, so nothing is written; 404 for anyone else's student.
    name: "PUT /api/team-notes/:studentId/:week",
    request: (who, id) => call(`/api/team-notes/${id}/${week}`, { method: "PUT", token: tokens[who], body: { text: "Hello", version: 999 } }),
    expect: { ...all(403, 403), teacher: [409, 404], teacher2: [409, 404], casemanager: [409, 404] },
  },
];

describe.each(routes)("$name", ({ request, expect: expected }) => {
  it.each(accounts)("as %s: own record, then someone else's", async (who) => {
    const statuses = [(await request(who, own[who], ownConcern[who])).status, (await request(who, other[who], otherConcern[who])).status];
    expect(statuses).toEqual(expected[who]);
  });
});

describe("without a session", () => {
  it.each([
    "/api/me",
    "/api/students",
    "/api/students?q=a",
    "/api/students/schools",
    "/api/students/classes",
    "/api/students/stu_x",
    "/api/audit?studentId=x",
    "/api/admin/district",
    "/api/concerns",
    "/api/concerns/con_x",
    "/api/concerns/con_x/verify",
    "/api/concerns/con_x/packet",
    "/api/reports/escalations",
    "/api/fidelity/forms?week=2026-W40",
    "/api/fidelity/forms/frm_x",
    "/api/students/stu_x/fidelity",
    "/api/students/stu_x/iep/review",
    "/api/students/stu_x/records-requests",
    "/api/students/stu_x/records-requests/rrq_x/bundle",
    "/api/reports/fidelity",
    "/api/reports/patterns",
    "/api/help-requests",
    "/api/team-notes/stu_x/2026-W40",
  ])("GET %s answers 401", async (path) => {
    expect((await call(path)).status).toBe(401);
  });

  it("PUT /api/me answers 401", async () => {
    expect((await call("/api/me", { method: "PUT", body: { language: "es" } })).status).toBe(401);
  });
});
