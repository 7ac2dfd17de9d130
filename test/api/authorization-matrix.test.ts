import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "@fidelio/local/demo/seed";
import { studentItem } from "@fidelio/core/student";
import { putItem } from "@fidelio/core/dynamo";
import { newId } from "@fidelio/core/id";
import { call, signIn } from "../support/api";

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

async function studentIdsOf(who: Who): Promise<string[]> {
  const res = await call("/api/students", { token: tokens[who] });
  return ((await res.json()) as { items: Array<{ id: string }> }).items.map((s) => s.id);
}

beforeAll(async () => {
  await seedDemoDistrict();
  for (const who of accounts) tokens[who] = await signIn(email(who));
  const [childOfParent] = await studentIdsOf("parent");
  const [childOfParent2] = await studentIdsOf("parent2");
  // A student in another district: the director's and admin's "someone else's" record.
  const outsider = newId("stu");
  await putItem(studentItem({ id: outsider, districtId: "dis_01other00000000000000000000", schoolId: "sch_x", schoolName: "Elsewhere", firstName: "Out", lastName: "Sider", grade: "5" }));
  const caseload = await studentIdsOf("casemanager");
  const district = await studentIdsOf("director");
  Object.assign(own, { parent: childOfParent, parent2: childOfParent2, teacher: childOfParent, teacher2: childOfParent2, casemanager: caseload[0], director: childOfParent, admin: childOfParent, advocate: childOfParent });
  Object.assign(other, { parent: childOfParent2, parent2: childOfParent, teacher: childOfParent2, teacher2: childOfParent, casemanager: district.find((id) => !caseload.includes(id)), director: outsider, admin: outsider, advocate: childOfParent2 });
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

const routes: Array<{ name: string; request: (who: Who, id: string) => Response | Promise<Response>; expect: Expect }> = [
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
];

describe.each(routes)("$name", ({ request, expect: expected }) => {
  it.each(accounts)("as %s: own record, then someone else's", async (who) => {
    const statuses = [(await request(who, own[who])).status, (await request(who, other[who])).status];
    expect(statuses).toEqual(expected[who]);
  });
});

describe("without a session", () => {
  it.each(["/api/me", "/api/students", "/api/students?q=a", "/api/students/schools", "/api/students/classes", "/api/students/stu_x", "/api/audit?studentId=x", "/api/admin/district"])("GET %s answers 401", async (path) => {
    expect((await call(path)).status).toBe(401);
  });

  it("PUT /api/me answers 401", async () => {
    expect((await call("/api/me", { method: "PUT", body: { language: "es" } })).status).toBe(401);
  });
});
