import { beforeAll, describe, expect, it } from "vitest";
import { clock } from "@fidelio/core/clock";
import { seedDemo } from "../support/demo-table";
import { Actor } from "@fidelio/core/actor";
import { User } from "@fidelio/core/user";
import { createUser } from "../support/users";
import { Audit, auditPageSize } from "@fidelio/core/audit";
import { call, signIn } from "../support/api";

interface Entry {
  id: string;
  actorId: string;
  actorName: string;
  actorRoles: string[];
  systemReason?: string;
  action: string;
  record: string;
  reason: string;
  at: string;
}

const trail = async (token: string, studentId: string) => {
  const res = await call(`/api/audit?studentId=${studentId}`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Entry[] }).items;
};

describe("audit trail", () => {
  const t = {} as Record<"parent" | "teacher" | "teacher2" | "director", string>;
  let child = "";

  beforeAll(async () => {
    await seedDemo();
    for (const who of ["parent", "teacher", "teacher2", "director"] as const) t[who] = await signIn(`${who}@demo.fidelio.test`);
    const list = (await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> };
    child = list.items[0]!.id;
  });

  it("records a teacher's read of a student with who, when, what and why, and shows it to the parent", async () => {
    const before = clock.ms();
    expect((await call(`/api/students/${child}`, { token: t.teacher })).status).toBe(200);
    const reads = (await trail(t.parent, child)).filter((e) => e.action === "student.read" && e.actorRoles.includes("teacher"));
    expect(reads.length).toBeGreaterThanOrEqual(1);
    const [latest] = reads;
    expect(latest!.reason).toBe("teacher");
    expect(latest!.record).toMatch(/^student/);
    expect(Date.parse(latest!.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("records list views for every student listed", async () => {
    const list = (await (await call("/api/students", { token: t.teacher })).json()) as { items: Array<{ id: string }> };
    expect(list.items.length).toBeGreaterThan(0);
    for (const s of list.items.slice(0, 3)) {
      const entries = await trail(t.director, s.id);
      const listed = entries.find((e) => e.action === "student.list" && e.actorRoles.includes("teacher"));
      // Each entry names the actor's own link to that student, not a generic list reason.
      expect(listed?.reason).toBe("teacher");
    }
  });

  it("writes no read record when the answer is 404", async () => {
    const res = await call(`/api/students/${child}`, { token: t.teacher2 });
    expect(res.status).toBe(404);
    const me = (await (await call("/api/me", { token: t.teacher2 })).json()) as { user: { id: string } };
    const entries = await trail(t.director, child);
    expect(entries.filter((e) => e.action === "student.read" && e.actorId === me.user.id)).toEqual([]);
    expect(entries.some((e) => e.action === "student.read" && e.actorRoles.includes("teacher"))).toBe(true);
  });

  it("records what Fidelio itself did as the system, with its reason, beside what people did", async () => {
    const districtId = (await User.byEmail("parent@demo.fidelio.test"))!.districtId;
    await Audit.record(Actor.system("deadline_passed", districtId), { studentId: child, action: "student.read", record: "student", reason: "deadline_passed" });
    // Among the newest entries (reading the trail is itself recorded, in the same moment).
    const system = (await trail(t.parent, child)).slice(0, 3).filter((e) => e.actorId === "system");
    expect(system).toEqual([expect.objectContaining({ actorName: "Fidelio", actorRoles: [], systemReason: "deadline_passed", reason: "deadline_passed" })]);
  });

  it("audits reading the audit trail itself", async () => {
    await trail(t.parent, child);
    const entries = await trail(t.director, child);
    expect(entries.some((e) => e.action === "audit.read" && e.actorRoles.includes("parent"))).toBe(true);
  });
});

describe("a child with years of history", () => {
  const t = {} as Record<"parent" | "director", string>;
  let child = "";
  let parentId = "";

  beforeAll(async () => {
    await seedDemo();
    t.parent = await signIn("parent@demo.fidelio.test");
    t.director = await signIn("director@demo.fidelio.test");
    const list = (await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> };
    child = list.items[0]!.id;
    parentId = ((await (await call("/api/me", { token: t.parent })).json()) as { user: { id: string } }).user.id;
    // 2,000 entries: mostly list sightings by the teacher, one record opened in 20 by someone else.
    const teacher = User.toActor(await createUser("history@test.fidelio.test", ["teacher"]));
    const counselor = User.toActor(await createUser("opener@test.fidelio.test", ["case_manager"]));
    await Audit.recordMany(
      teacher,
      Array.from({ length: 1900 }, () => ({ studentId: child, action: "student.list", record: "student:name,grade,school", reason: "teacher" })),
    );
    await Audit.recordMany(
      counselor,
      Array.from({ length: 100 }, () => ({ studentId: child, action: "student.read", record: "student", reason: "case_manager" })),
    );
  }, 60_000);

  const page = async (query: string) => {
    const res = await call(`/api/audit?studentId=${child}${query}`, { token: t.parent });
    expect(res.status).toBe(200);
    return (await res.json()) as { items: Entry[]; cursor?: string };
  };

  it("serves the first page from one bounded Query, newest first, with a cursor for the next", async () => {
    expect((await Audit.page(child)).reads).toBe(1);
    const first = await page("");
    expect(first.items).toHaveLength(auditPageSize);
    expect(first.cursor).toBeTruthy();
    const times = first.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await page(`&cursor=${encodeURIComponent(first.cursor!)}`);
    expect(second.items).toHaveLength(auditPageSize);
    expect(second.items[0]!.at <= first.items.at(-1)!.at).toBe(true);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(2 * auditPageSize);
  });

  it("filters to records opened, through their own index, in one Query", async () => {
    const opened = await Audit.page(child, { kind: "opened" });
    expect(opened.reads).toBe(1);
    expect(opened.items).toHaveLength(auditPageSize);
    expect(opened.items.every((e) => e.action !== "student.list")).toBe(true);
    const viaApi = await page("&kind=opened");
    expect(viaApi.items.every((e) => e.action !== "student.list")).toBe(true);
    expect(viaApi.cursor).toBeTruthy();
  });

  it("filters to list sightings and by person, reading at most a few bounded pages", async () => {
    const listed = await page("&kind=listed");
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((e) => e.action === "student.list")).toBe(true);
    const byOpener = await Audit.page(child, { actorId: "usr_counselor_history" });
    expect(byOpener.reads).toBeLessThanOrEqual(4);
    expect(byOpener.items.length).toBeLessThanOrEqual(auditPageSize);
    expect(byOpener.items.every((e) => e.actorId === "usr_counselor_history")).toBe(true);
    expect(byOpener.cursor).toBeTruthy();
  });

  it("lets a parent hide their own views", async () => {
    await call(`/api/students/${child}`, { token: t.parent });
    const all = await page("&kind=opened");
    expect(all.items.some((e) => e.actorId === parentId)).toBe(true);
    const hidden = await page("&kind=opened&hideMine=1");
    expect(hidden.items.length).toBeGreaterThan(0);
    expect(hidden.items.some((e) => e.actorId === parentId)).toBe(false);
  });

  it("rejects an unknown filter with 400", async () => {
    const res = await call(`/api/audit?studentId=${child}&kind=everything`, { token: t.parent });
    expect(res.status).toBe(400);
  });
});
