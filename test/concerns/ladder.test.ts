import { beforeAll, describe, expect, it } from "vitest";
import { addSchoolDays, levelDeadline } from "@fidelio/core/calendar";
import { District } from "@fidelio/core/district";
import { demoDistrictId } from "@fidelio/local/demo/seed";
import { emailsTo } from "../support/mail";
import { act, childOf, email, fileConcern, until, waiting, runnerPerTest } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

const startRunner = runnerPerTest();

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
});

const types = (c: { timeline: Array<{ type: string }> }) => c.timeline.map((e) => e.type);

describe("nobody answers", () => {
  it("climbs teacher -> case manager -> director -> advocate, each deadline in school days from the district calendar", async () => {
    // A school day passes in about 43 ms: the whole climb (about a month of school days) in a couple of seconds.
    const runner = await startRunner({ timeScale: 2_000_000 });
    const advocateMailBefore = (await emailsTo(email("advocate"))).length;
    const filed = await fileConcern({ ...sofia, advocateEmail: email("advocate") });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: "open", level: "teacher", assignee: { name: "Maria Alvarez" } });
    const done = await until(filed.body.id, (c) => c.level === "advocate" && c.assignee !== null);
    expect(done.status).toBe("with_advocate");
    expect(types(done)).toEqual(["filed", "assigned", "deadline_passed", "assigned", "deadline_passed", "assigned", "deadline_passed", "assigned"]);
    const assigned = done.timeline.filter((e) => e.type === "assigned");
    expect(assigned.map((e) => [e.level, e.assignee?.name])).toEqual([
      ["teacher", "Maria Alvarez"],
      ["case_manager", "Jennifer Park"],
      ["director", "Linda Okafor"],
      ["advocate", "Sam Rivera"],
    ]);
    const district = (await District.load(demoDistrictId))!;
    for (const event of assigned.slice(0, 3)) {
      expect(event.dueAt).toBe(levelDeadline(district, event.level as "teacher", new Date(event.at)).toISOString());
    }
    expect(assigned[3]!.dueAt).toBeUndefined();
    expect(done.dueAt).toBeNull();
    expect(done.timeline.filter((e) => e.type === "deadline_passed").every((e) => e.actor.kind === "system" && e.actor.reason === "deadline_passed")).toBe(
      true,
    );
    // The advocate hears of the hand-off through the outbox, with a link to the concern.
    await expect
      .poll(async () => (await emailsTo(email("advocate"))).slice(advocateMailBefore).some((m) => m.body.text?.includes(`/concerns/${done.id}`)), {
        timeout: 10_000,
      })
      .toBe(true);
    // The runner's history: a full four-level climb in at most 20 state transitions.
    const entered = runner.runner.history(done.id).filter((e) => e.type === "StateEntered").length;
    expect(entered).toBeLessThanOrEqual(20);
  });
});

describe("answers", () => {
  it("resolve -> confirm closes the concern resolved", async () => {
    const runner = await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    expect((await act("teacher", open, "resolve", "Extended time is now on every math test.")).status).toBe(200);
    const awaiting = await waiting(body.id, (c) => c.status === "awaiting_confirmation");
    const district = (await District.load(demoDistrictId))!;
    const resolvedAt = new Date(awaiting.timeline.at(-1)!.at);
    expect(awaiting.dueAt).toBe(addSchoolDays(district, resolvedAt, 5).toISOString());
    const confirmed = await act("parent", awaiting, "confirm");
    expect(confirmed.body).toMatchObject({ status: "closed", outcome: "resolved" });
    await expect.poll(() => runner.runner.history(body.id).some((e) => e.type === "ExecutionSucceeded"), { timeout: 5000 }).toBe(true);
  });

  it("no confirmation within 5 school days closes it resolved_unconfirmed", async () => {
    await startRunner({ timeScale: 400_000 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    expect((await act("teacher", open, "resolve", "Done.")).status).toBe(200);
    const closed = await until(body.id, (c) => c.status === "closed");
    expect(closed.outcome).toBe("resolved_unconfirmed");
    expect(types(closed).at(-1)).toBe("deadline_passed");
  });

  it("dispute sends it to the next level", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    await act("teacher", open, "resolve", "Done.");
    const resolved = await waiting(body.id, (c) => c.status === "awaiting_confirmation");
    expect((await act("parent", resolved, "dispute", "It still did not happen on Friday.")).status).toBe(200);
    const next = await until(body.id, (c) => c.level === "case_manager" && c.assignee !== null);
    expect(next).toMatchObject({ status: "open", assignee: { name: "Jennifer Park" } });
    expect(types(next).slice(-2)).toEqual(["disputed", "assigned"]);
  });

  it("request_info pauses the clock and the remaining days carry over", async () => {
    await startRunner({ timeScale: 1 });
    const district = (await District.load(demoDistrictId))!;
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    const asked = await act("teacher", open, "request_info", "Which tests were they?");
    expect(asked.body.status).toBe("awaiting_info");
    const askedAt = new Date(asked.body.timeline.at(-1)!.at);
    expect(asked.body.dueAt).toBe(addSchoolDays(district, askedAt, 10).toISOString());
    expect(asked.body.pausedDays).toBeGreaterThan(0);
    const waitingForAnswer = await waiting(body.id, (c) => c.status === "awaiting_info");
    const answered = await act("parent", waitingForAnswer, "provide_info", "The unit tests on the 12th and 19th.");
    expect(answered.body.status).toBe("open");
    expect(answered.body.dueAt).toBe(addSchoolDays(district, new Date(answered.body.timeline.at(-1)!.at), asked.body.pausedDays!).toISOString());
  });

  it("request_info unanswered in 10 school days closes it no_reply", async () => {
    await startRunner({ timeScale: 400_000 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    await act("teacher", open, "request_info", "Which tests?");
    const closed = await until(body.id, (c) => c.status === "closed");
    expect(closed.outcome).toBe("no_reply");
  });
});
