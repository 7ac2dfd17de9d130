import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/api";
import { startWorkflowRunner } from "../support/workflow";
import { act, childOf, fileConcern, token, until, waiting, type Who } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

interface Board {
  open: {
    items: Array<{
      id: string;
      studentName: string;
      schoolId: string;
      schoolName: string;
      level: string;
      status: string;
      assignee: { name: string } | null;
      dueAt: string | null;
      overdue: boolean;
      openedAt: string;
      levelSince: string;
    }>;
    cursor?: string;
  };
  totals: { open: number; overdue: number; byLevel: Record<string, number> };
  resolvedLast30Days: { count: number; medianDaysToResolution: number | null; medianHoursToResolution: number | null };
  missedDeadlinesBySchool: Array<{ schoolId: string; schoolName: string; count: number }>;
}

async function board(query = "", who: Who = "director") {
  const res = await call(`/api/reports/escalations${query}`, { token: await token(who) });
  return { status: res.status, body: (await res.json()) as Board };
}

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => runner?.stop());

let sofia: Awaited<ReturnType<typeof childOf>>;
let ethan: Awaited<ReturnType<typeof childOf>>;
const ids = {} as Record<"x" | "a" | "b" | "c", string>;

beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  ethan = await childOf("parent2", "David Chen");
  // X misses three deadlines (a school day in about 43 ms) and waits at the advocate level, where no deadline runs.
  runner = await startWorkflowRunner({ timeScale: 2_000_000 });
  ids.x = (await fileConcern(sofia)).body.id;
  await until(ids.x, (c) => c.level === "advocate" && c.timeline.at(-1)?.type === "assigned", 20_000);
  await runner.stop();
  // Real time from here: nothing else moves by itself during the test.
  runner = await startWorkflowRunner({ timeScale: 1 });
  ids.a = (await fileConcern(sofia)).body.id;
  ids.b = (await fileConcern({ ...sofia, classId: undefined })).body.id;
  ids.c = (await fileConcern(ethan, { who: "parent2" })).body.id;
}, 120_000);

describe("GET /api/reports/escalations", () => {
  it("lists open concerns overdue first, then by the assignee's deadline, with totals and missed deadlines by school", async () => {
    const { status, body } = await board();
    expect(status).toBe(200);
    const order = body.open.items.map((i) => i.id);
    expect(order).toEqual([ids.x, ids.a, ids.c, ids.b]);
    const [x, a, c, b] = body.open.items;
    expect(x).toMatchObject({
      level: "advocate",
      status: "with_advocate",
      overdue: true,
      assignee: null,
      dueAt: null,
      studentName: expect.stringContaining("Sofia"),
    });
    expect(a).toMatchObject({ level: "teacher", overdue: false, assignee: { name: "Maria Alvarez" }, schoolName: "Riverbend Elementary" });
    expect(c!.schoolName).not.toBe(a!.schoolName);
    expect(b).toMatchObject({ level: "case_manager", overdue: false });
    expect(a!.dueAt! <= b!.dueAt!).toBe(true);
    expect(x!.levelSince > x!.openedAt).toBe(true);
    expect(body.open.cursor).toBeUndefined();
    expect(body.totals).toEqual({ open: 4, overdue: 1, byLevel: { teacher: 2, case_manager: 1, director: 0, advocate: 1 } });
    expect(body.missedDeadlinesBySchool).toEqual([{ schoolId: a!.schoolId, schoolName: "Riverbend Elementary", count: 3 }]);
    expect(body.resolvedLast30Days).toEqual({ count: 0, medianDaysToResolution: null, medianHoursToResolution: null });
  });

  it("filters by level and by school; totals follow the school", async () => {
    expect((await board("?level=teacher")).body.open.items.map((i) => i.id)).toEqual([ids.a, ids.c]);
    const all = (await board()).body.open.items;
    const ethanSchool = all.find((i) => i.id === ids.c)!.schoolId;
    const school = await board(`?schoolId=${ethanSchool}`);
    expect(school.body.open.items.map((i) => i.id)).toEqual([ids.c]);
    expect(school.body.totals).toMatchObject({ open: 1, overdue: 0, byLevel: { teacher: 1 } });
    expect(school.body.missedDeadlinesBySchool).toEqual([]);
    expect((await board(`?schoolId=${ethanSchool}&level=case_manager`)).body.open.items).toEqual([]);
  });

  it("answers 404 to everyone but the district's director, the administrator included, and 400 to a bad filter", async () => {
    for (const who of ["admin", "parent", "parent2", "teacher", "teacher2", "casemanager", "advocate"] as const)
      expect((await board("", who)).status).toBe(404);
    expect((await board("?level=principal")).status).toBe(400);
    expect((await board("?schoolId=a%23b")).status).toBe(400);
  });

  it("pages with sealed cursors: 25 a page, nothing twice, a tampered or foreign cursor is 400", async () => {
    for (let i = 0; i < 23; i++) await fileConcern(ethan, { who: "parent2" });
    const first = await board();
    expect(first.body.open.items).toHaveLength(25);
    expect(first.body.open.items[0]!.id).toBe(ids.x);
    const cursor = first.body.open.cursor!;
    expect(cursor).toBeTruthy();
    const second = await board(`?cursor=${cursor}`);
    expect(second.status).toBe(200);
    const all = [...first.body.open.items, ...second.body.open.items].map((i) => i.id);
    expect(all).toHaveLength(27);
    expect(new Set(all).size).toBe(27);
    expect(second.body.open.cursor).toBeUndefined();
    const dues = [...first.body.open.items, ...second.body.open.items].slice(1).map((i) => i.dueAt ?? "~");
    expect(dues).toEqual([...dues].sort());
    const tampered = cursor.slice(0, -2) + (cursor.endsWith("AA") ? "BB" : "AA");
    expect((await board(`?cursor=${tampered}`)).status).toBe(400);
    expect((await board(`?level=teacher&cursor=${cursor}`)).status).toBe(400);
  });

  it("counts a confirmed resolution in the last 30 days and drops it from the open list", async () => {
    const open = await waiting(ids.a);
    expect((await act("teacher", open, "resolve", "Extended time is now given on every math test.")).status).toBe(200);
    const pending = (await board("?level=teacher")).body.open.items.find((i) => i.id === ids.a);
    // Waiting on the parent: no assignee deadline, so it sorts last.
    expect(pending).toMatchObject({ status: "awaiting_confirmation", dueAt: null, overdue: false });
    const resolved = await waiting(ids.a, (c) => c.status === "awaiting_confirmation");
    expect((await act("parent", resolved, "confirm")).status).toBe(200);
    const { body } = await board();
    expect(body.open.items.map((i) => i.id)).not.toContain(ids.a);
    expect(body.totals.open).toBe(26);
    expect(body.resolvedLast30Days.count).toBe(1);
    expect(body.resolvedLast30Days.medianDaysToResolution).toBe(0);
    // Resolved within the hour: the board says hours, not "0 days".
    expect(body.resolvedLast30Days.medianHoursToResolution).toBe(0);
  });
});

describe("GET /api/concerns pages", () => {
  async function list(query: string, who: Who) {
    const res = await call(`/api/concerns${query}`, { token: await token(who) });
    return {
      status: res.status,
      body: (await res.json()) as { items: Array<{ id: string; createdAt: string; status: string; studentId: string }>; cursor?: string },
    };
  }
  async function all(query: string, who: Who) {
    const ids: string[] = [];
    const created: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(`${query}${query ? "&" : "?"}${cursor ? `cursor=${cursor}` : ""}`, who);
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((i) => i.id));
      created.push(...page.body.items.map((i) => i.createdAt));
      cursor = page.body.cursor;
      pages += 1;
    } while (cursor && pages < 10);
    return { ids, created, pages };
  }

  it("gives each person what they may see, newest first, 25 a page with sealed cursors, nothing twice", async () => {
    const director = await all("", "director");
    expect(director.ids).toHaveLength(27);
    expect(new Set(director.ids).size).toBe(27);
    expect(director.pages).toBe(2);
    expect(director.created).toEqual([...director.created].sort().reverse());
    const parent2 = await all("", "parent2");
    expect(parent2.ids).toHaveLength(24);
    expect(parent2.pages).toBe(1);
    expect(parent2.ids).toContain(ids.c);
    const teacher2 = await all("", "teacher2");
    expect(teacher2.ids.sort()).toEqual([...parent2.ids].sort());
    const parent = await all("", "parent");
    expect(parent.ids.sort()).toEqual([ids.x, ids.a, ids.b].sort());
    expect((await all("", "advocate")).ids).toEqual([]);
  });

  it("filters by status, level and student, and refuses a tampered cursor", async () => {
    expect((await all("?status=closed", "parent")).ids).toEqual([ids.a]);
    expect((await all("?level=case_manager", "parent")).ids).toEqual([ids.b]);
    expect((await all("?level=advocate", "parent")).ids).toEqual([ids.x]);
    const ethanOnly = await all(`?studentId=${ethan.studentId}`, "director");
    expect(ethanOnly.ids).toHaveLength(24);
    expect((await all(`?studentId=${ethan.studentId}`, "parent")).ids).toEqual([]);
    const first = await list("", "director");
    const cursor = first.body.cursor!;
    expect((await list(`?cursor=${cursor.slice(0, -2)}${cursor.endsWith("AA") ? "BB" : "AA"}`, "director")).status).toBe(400);
    // A cursor is good only for the list it came from.
    expect((await list(`?cursor=${cursor}`, "parent2")).status).toBe(400);
  });
});
