import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { getItem, keys, putItem, queryAll } from "@fidelio/core/dynamo";
import { Workflow } from "@fidelio/core/workflow";
import { isStaleTaskToken, workflowEngine } from "@fidelio/core/workflow/engine";
import { call } from "../support/api";
import { emailsTo } from "../support/mail";
import { act, childOf, email, fileConcern, getConcern, token, until, waiting, runnerPerTest } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

const startRunner = runnerPerTest();

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
});

const stored = (id: string) => getItem<{ taskToken?: string; version: number; head: { seq: number } }>(keys.concern(id), true);
/** Every email sent so far to the people of these tests, once the outbox has delivered all it holds. */
async function emailsSent() {
  for (let i = 0; (await queryAll(keys.outboxOpenAll())).length > 0; i++) {
    if (i > 400) throw new Error("The outbox never drained");
    await new Promise((r) => setTimeout(r, 25));
  }
  const counts = await Promise.all((["parent", "teacher", "casemanager"] as const).map(async (who) => (await emailsTo(email(who))).length));
  return counts.reduce((a, b) => a + b, 0);
}
const partition = (id: string) => queryAll(keys.concernPartition(id));

describe("exactly one winner", () => {
  it("an answer and the deadline at the same moment: one wins, the other changes nothing (409 for a losing answer)", async () => {
    await startRunner({ timeScale: 1 });
    const outcomes: string[] = [];
    for (let round = 0; round < 4; round++) {
      const { body } = await fileConcern(sofia);
      const open = await waiting(body.id);
      const [answer, deadline] = await Promise.all([
        act("teacher", open, "resolve", "Done."),
        Workflow.applyOutcome({ concernId: body.id, outcome: { Error: "States.Timeout" } }),
      ]);
      const after = await getConcern(body.id);
      const won = after.timeline.filter((e) => e.type === "resolved" || e.type === "deadline_passed").map((e) => e.type);
      expect(won).toHaveLength(1);
      if (won[0] === "resolved") {
        expect(answer.status).toBe(200);
        // The late deadline found the concern moved on: it only reports where it stands.
        expect(deadline).toMatchObject({ next: "wait", wait: { for: "parent_confirmation" } });
      } else {
        expect(answer.status).toBe(409);
        expect(answer.body.message).toMatch(/the deadline passed; now with the case manager/);
        expect(deadline).toEqual({ concernId: body.id, next: "prepare" });
      }
      outcomes.push(won[0]!);
    }
    expect(outcomes).toHaveLength(4);
  });

  it("the deadline first, then the answer: 409 naming where the concern went", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    await Workflow.applyOutcome({ concernId: body.id, outcome: { Error: "States.Timeout" } });
    const late = await act("teacher", open, "resolve", "Done.");
    expect(late.status).toBe(409);
    expect(late.body.message).toContain("the deadline passed; now with the case manager");
  });
});

describe("nothing twice", () => {
  it("a duplicated task token and duplicated task invocations write nothing twice", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    const tokenUsed = (await stored(body.id))!.taskToken!;
    await act("teacher", open, "escalate", "Needs the case manager.");
    const moved = await until(body.id, (c) => c.level === "case_manager" && c.assignee !== null);
    const before = { items: (await partition(body.id)).length, outbox: await emailsSent(), version: (await stored(body.id))!.version };
    // The same token again: refused as stale, nothing applied.
    const again = await workflowEngine()
      .sendTaskSuccess(tokenUsed, { kind: "answer", action: "escalate" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isStaleTaskToken(again)).toBe(true);
    // Retried Lambdas: each step again with the same input.
    await Workflow.prepareLevel({ concernId: body.id });
    await Workflow.applyOutcome({ concernId: body.id, outcome: { kind: "answer", action: "escalate" } });
    await Workflow.applyOutcome({ concernId: body.id, outcome: { kind: "resume" } });
    const current = await stored(body.id);
    if (current?.taskToken)
      await Workflow.waitForAnswer({
        concernId: body.id,
        taskToken: current.taskToken,
        wait: ((await Workflow.applyOutcome({ concernId: body.id, outcome: { kind: "resume" } })) as unknown as { wait: never }).wait,
      });
    expect((await partition(body.id)).length).toBe(before.items);
    expect(await emailsSent()).toBe(before.outbox);
    expect((await stored(body.id))!.version).toBe(before.version);
    expect((await getConcern(body.id)).timeline.length).toBe(moved.timeline.length);
  });

  it("a duplicated timeout is applied once", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    await waiting(body.id);
    const first = await Workflow.applyOutcome({ concernId: body.id, outcome: { Error: "States.Timeout" } });
    const second = await Workflow.applyOutcome({ concernId: body.id, outcome: { Error: "States.Timeout" } });
    expect(first).toEqual(second);
    expect((await getConcern(body.id)).timeline.filter((e) => e.type === "deadline_passed")).toHaveLength(1);
  });

  it("replaying POST /api/concerns with the same Idempotency-Key returns the same concern and writes nothing", async () => {
    await startRunner({ timeScale: 1 });
    const key = randomUUID();
    const first = await fileConcern(sofia, { key });
    expect(first.status).toBe(201);
    await waiting(first.body.id);
    const before = { outbox: await emailsSent(), items: (await partition(first.body.id)).length, open: (await queryAll(keys.openConcerns())).length };
    const replays = await Promise.all([fileConcern(sofia, { key }), fileConcern(sofia, { key })]);
    for (const replay of replays) {
      expect(replay.status).toBe(200);
      expect(replay.body.id).toBe(first.body.id);
    }
    expect(await emailsSent()).toBe(before.outbox);
    expect((await partition(first.body.id)).length).toBe(before.items);
    expect((await queryAll(keys.openConcerns())).length).toBe(before.open);
  });

  it("refuses a filing with items outside the IEP in effect, with the field named, and writes nothing", async () => {
    const open = (await queryAll(keys.openConcerns())).length;
    const bad = await fileConcern({ ...sofia, itemIds: ["not-an-item"] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ fields: { "itemIds.0": ["Not a support in the IEP in effect"] } });
    const noKey = await call("/api/concerns", { token: await token("parent"), body: { ...sofia, description: "x" } });
    expect(noKey.status).toBe(400);
    expect((await queryAll(keys.openConcerns())).length).toBe(open);
  });
});

describe("the tamper-evident timeline", () => {
  it("verifies, and an edited event makes verify false", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    await act("teacher", open, "request_info", "Which tests?");
    const verify = async () => (await (await call(`/api/concerns/${body.id}/verify`, { token: await token("parent") })).json()) as { valid: boolean };
    expect(await verify()).toMatchObject({ valid: true });
    const event = await getItem<Record<string, unknown>>(keys.concernEvent(body.id, 1), true);
    await putItem({ ...event!, text: "Everything is fine." });
    expect(await verify()).toMatchObject({ valid: false });
  });
});
