import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../support/demo-table";
import { Audit } from "@fidelio/core/audit";
import { User } from "@fidelio/core/user";
import { createUser } from "../support/users";
import { call, signIn } from "../support/api";

interface Page {
  items: Array<{ id: string }>;
  cursor?: string;
}

describe("list cursors", () => {
  const t = {} as Record<"parent" | "director", string>;
  let child = "";
  let other = "";
  const audit = (token: string, studentId: string, cursor?: string) =>
    call(`/api/audit?studentId=${studentId}${cursor === undefined ? "" : `&cursor=${encodeURIComponent(cursor)}`}`, { token });

  beforeAll(async () => {
    await seedDemo();
    t.parent = await signIn("parent@demo.fidelio.test");
    t.director = await signIn("director@demo.fidelio.test");
    child = ((await (await call("/api/students", { token: t.parent })).json()) as Page).items[0]!.id;
    other = ((await (await call("/api/students", { token: t.director })).json()) as Page).items.find((s) => s.id !== child)!.id;
    // More than one page (50) of audit entries for both students.
    const actor = User.toActor(await createUser("fixture@test.fidelio.test", ["director"]));
    for (const studentId of [child, other]) {
      await Audit.recordMany(
        actor,
        Array.from({ length: 60 }, () => ({ studentId, action: "student.read", record: "student", reason: "director" })),
      );
    }
  });

  it("pages through the audit trail with the cursor it hands out", async () => {
    const first = (await (await audit(t.director, child)).json()) as Page;
    expect(first.items).toHaveLength(50);
    expect(first.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await audit(t.director, child, first.cursor);
    expect(second.status).toBe(200);
    const next = (await second.json()) as Page;
    expect(next.items.length).toBeGreaterThan(0);
    expect(next.items.map((e) => e.id)).not.toContain(first.items[0]!.id);
  });

  it("does not show what the cursor points at: no key values in it", async () => {
    const first = (await (await audit(t.director, child)).json()) as Page;
    expect(Buffer.from(first.cursor!, "base64url").toString("latin1")).not.toContain(child);
  });

  it.each(["abc", "e30", "MTIz", "zz", "%%%", "eyJwayI6eyJTIjoiQVVESVQjU1RVI3N0dV94In19"])(
    "answers 400, never 500, to the forged cursor %s",
    async (cursor) => {
      const students = await call(`/api/students?cursor=${encodeURIComponent(cursor)}`, { token: t.director });
      expect(students.status).toBe(400);
      expect(await students.json()).toMatchObject({ error: "invalid_cursor" });
      const trail = await audit(t.director, child, cursor);
      expect(trail.status).toBe(400);
      expect(await trail.json()).toMatchObject({ error: "invalid_cursor", message: expect.stringContaining("first page") });
    },
  );

  it("refuses a cursor from another student's trail, from another list, or altered by one character", async () => {
    const { cursor } = (await (await audit(t.director, other)).json()) as Page;
    expect((await audit(t.director, child, cursor)).status).toBe(400);
    expect((await call(`/api/students?cursor=${cursor}`, { token: t.director })).status).toBe(400);
    const flipped = cursor!.slice(0, 20) + (cursor![20] === "A" ? "B" : "A") + cursor!.slice(21);
    expect((await audit(t.director, other, flipped)).status).toBe(400);
    expect((await audit(t.director, other, cursor)).status).toBe(200);
  });

  it("refuses an oversized cursor without decoding it", async () => {
    const res = await audit(t.director, child, "A".repeat(100_000));
    expect(res.status).toBe(400);
  });
});
