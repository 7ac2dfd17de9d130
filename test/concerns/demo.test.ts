import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoConcerns } from "@fidelio/local/demo/concerns";
import { seedDemoDistrict } from "@fidelio/local/demo/seed";
import { call } from "../support/api";
import { startWorkflowRunner } from "../support/workflow";
import { act, getConcern, token, until, waiting, type Who } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => runner?.stop());

interface Summary {
  id: string;
  status: string;
  level: string;
  outcome?: string;
  assignee: { name: string } | null;
}
async function list(who: Who): Promise<Summary[]> {
  const res = await call("/api/concerns", { token: await token(who) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Summary[] }).items;
}

// The seeding clock: every step of the demo's story is placed relative to it.
const seededAt = new Date();

beforeAll(async () => {
  await seedDemoDistrict();
  expect(await seedDemoConcerns(seededAt)).toBe(true);
  expect(await seedDemoConcerns(seededAt)).toBe(false);
  // As `npm start` does: the runner starts after the seed and resumes every open demo concern.
  runner = await startWorkflowRunner({ timeScale: 1 });
}, 120_000);

describe("the demo district's concerns", () => {
  it("are resumed by the runner like any other open concern", () => {
    expect(runner!.resumed).toHaveLength(4);
  });

  it("tell a true story: each names the support its text is about, and its timeline runs in order before the seeding clock", async () => {
    const all = (await (await call("/api/concerns", { token: await token("director") })).json()) as { items: Array<{ id: string }> };
    expect(all.items).toHaveLength(8);
    // Which support each text is about, by what the text says.
    const about: Array<[RegExp, string]> = [
      [/extended time/i, "Extended time"],
      [/read-aloud|read aloud/i, "Test items read aloud"],
      [/graphic organizers/i, "Graphic organizers for writing assignments"],
      [/reading instruction/i, "Specialized reading instruction"],
      [/seat/i, "Preferential seating near the point of instruction"],
      [/directions/i, "Directions repeated and checked for understanding"],
    ];
    for (const { id } of all.items) {
      const concern = (await (await call(`/api/concerns/${id}`, { token: await token("director") })).json()) as {
        description: string;
        subject: string;
        reference: string;
        items: Array<{ text: string }>;
        timeline: Array<{ type: string; at: string; dueAt?: string }>;
      };
      const expected = about.find(([pattern]) => pattern.test(concern.description));
      expect(expected, concern.description).toBeDefined();
      expect(concern.items, concern.description).toHaveLength(1);
      expect(concern.items[0]!.text.startsWith(expected![1]), `${concern.description} names ${concern.items[0]!.text}`).toBe(true);
      expect(concern.reference).toMatch(/^C-\d{4}$/);
      const times = concern.timeline.map((e) => e.at);
      expect(times, concern.description).toEqual([...times].sort());
      expect(
        times.every((at) => at <= seededAt.toISOString()),
        concern.description,
      ).toBe(true);
      // A deadline passes only once it is due: after the deadline last announced, never before.
      concern.timeline.forEach((event, i) => {
        if (event.type !== "deadline_passed") return;
        const announced = concern.timeline
          .slice(0, i)
          .reverse()
          .find((e) => e.dueAt)?.dueAt;
        expect(announced, concern.description).toBeDefined();
        expect(event.at >= announced!, `${concern.description}: passed ${event.at}, due ${announced}`).toBe(true);
      });
    }
  });

  it("give every demo account something real on first sign-in", async () => {
    const teacher = await list("teacher");
    expect(teacher.some((c) => c.status === "open" && c.level === "teacher" && c.assignee?.name === "Maria Alvarez")).toBe(true);
    const parent = await list("parent");
    expect(parent.filter((c) => c.status === "awaiting_confirmation")).toHaveLength(1);
    expect(parent.filter((c) => c.status === "closed").map((c) => c.outcome)).toEqual(["withdrawn"]);
    const parent2 = await list("parent2");
    expect(parent2.map((c) => c.outcome).sort()).toEqual(["resolved", "resolved", "resolved_unconfirmed"]);
    expect((await list("teacher2")).length).toBe(3);
    const advocate = await list("advocate");
    expect(advocate).toHaveLength(1);
    expect(advocate[0]).toMatchObject({ status: "with_advocate", level: "advocate", assignee: { name: "Sam Rivera" } });
    expect((await list("casemanager")).some((c) => c.level === "case_manager" && c.status === "open")).toBe(true);

    const board = (await (await call("/api/reports/escalations", { token: await token("director") })).json()) as {
      open: { items: Array<{ level: string; overdue: boolean; assignee: { name: string } | null }> };
      totals: { open: number; overdue: number; byLevel: Record<string, number> };
      resolvedLast30Days: { count: number };
    };
    expect(board.open.items[0]).toMatchObject({ level: "case_manager", overdue: true, assignee: { name: "Jennifer Park" } });
    expect(board.totals).toEqual({ open: 4, overdue: 1, byLevel: { teacher: 2, case_manager: 1, director: 0, advocate: 1 } });
    expect(board.resolvedLast30Days.count).toBe(3);
  });

  it("show parent2@ a request the school declined, with its prior written notice on the timeline and in the packet", async () => {
    const mine = await list("parent2");
    const views = await Promise.all(mine.map((c) => getConcern(c.id, "parent2")));
    const declined = views.filter((c) => c.timeline.some((e) => e.type === "declined"));
    expect(declined).toHaveLength(1);
    const event = declined[0]!.timeline.find((e) => e.type === "declined") as unknown as { notice: Record<string, string> };
    expect(Object.keys(event.notice).sort()).toEqual(["actionRefused", "basis", "optionsConsidered", "otherFactors", "reasons"]);
    expect(declined[0]!.timeline.at(-1)?.type).toBe("confirmed");
    const packet = await (await call(`/api/concerns/${declined[0]!.id}/packet`, { token: await token("parent2") })).text();
    expect(packet).toContain("Prior written notice");
    expect(packet).toContain(event.notice.actionRefused);
  });

  it("show the director a family's state complaint window closing within 30 days and a records request waiting", async () => {
    const board = (await (await call("/api/reports/escalations", { token: await token("director") })).json()) as {
      clocksEndingSoon: Array<{ kind: string; studentName: string }>;
      openRecordsRequests: Array<{ kind: string; studentName: string }>;
    };
    expect(board.clocksEndingSoon).toContainEqual(expect.objectContaining({ kind: "state_complaint_window", studentName: "Ethan Thompson" }));
    expect(board.openRecordsRequests).toContainEqual(expect.objectContaining({ kind: "records_request", studentName: "Sofia Martinez" }));
  });

  it("let advocate@ read the packet of the concern handed over and record the outcome", async () => {
    const [handed] = await list("advocate");
    const packet = await call(`/api/concerns/${handed!.id}/packet`, { token: await token("advocate") });
    expect(packet.status).toBe(200);
    expect(await packet.text()).toContain("Specialized reading instruction");
    const handedOver = await waiting(handed!.id);
    const done = await act("advocate", handedOver, "record_outcome", "The school agreed to a seating plan; IEP team meets on the 10th.");
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "closed", outcome: "advocate_outcome" });
    await until(handed!.id, (c) => c.status === "closed");
    // Another advocate-level action by someone else: the teacher was assigned once, so 409/403, never 200.
    expect((await act("teacher", await getConcern(handed!.id), "record_outcome", "x")).status).not.toBe(200);
  });
});
