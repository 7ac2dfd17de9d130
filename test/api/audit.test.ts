import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "@fidelio/local/demo/seed";
import { call, signIn } from "../support/api";

interface Entry { actorId: string; actorName: string; actorRoles: string[]; action: string; record: string; reason: string; at: string }

const trail = async (token: string, studentId: string) => {
  const res = await call(`/api/audit?studentId=${studentId}`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Entry[] }).items;
};

describe("audit trail", () => {
  const t = {} as Record<"parent" | "teacher" | "teacher2" | "director", string>;
  let child = "";

  beforeAll(async () => {
    await seedDemoDistrict();
    for (const who of ["parent", "teacher", "teacher2", "director"] as const) t[who] = await signIn(`${who}@demo.fidelio.test`);
    const list = (await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> };
    child = list.items[0]!.id;
  });

  it("records a teacher's read of a student with who, when, what and why, and shows it to the parent", async () => {
    const before = Date.now();
    expect((await call(`/api/students/${child}`, { token: t.teacher })).status).toBe(200);
    const reads = (await trail(t.parent, child)).filter((e) => e.action === "student.read" && e.actorRoles.includes("teacher"));
    expect(reads.length).toBeGreaterThanOrEqual(1);
    const [latest] = reads;
    expect(latest!.reason).toBe("Teacher on the student's service team");
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
      expect(listed?.reason).toBe("Teacher on the student's service team");
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

  it("audits reading the audit trail itself", async () => {
    await trail(t.parent, child);
    const entries = await trail(t.director, child);
    expect(entries.some((e) => e.action === "audit.read" && e.actorRoles.includes("parent"))).toBe(true);
  });
});
