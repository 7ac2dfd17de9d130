import { afterEach, describe, expect, it } from "vitest";
import { getItem, keys } from "@fidelio/core/dynamo";
import { provideWorkflowSteps, type Answer } from "@fidelio/core/workflow";
import { isStaleTaskToken, workflowEngine } from "@fidelio/core/workflow/engine";
import { startLocalWorkflow } from "@fidelio/local/workflow/index";
import { LocalWorkflowRunner } from "@fidelio/local/workflow/runner";
import { synthesizedDefinition } from "@fidelio/local/workflow/definition";
import { dynamoTaskTokenStore } from "@fidelio/local/workflow/token-store";
import { ladder } from "./ladder";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

// One synthesis for the file (about 1.5 s); every runner runs this same ASL.
const definition = synthesizedDefinition();
const runners: LocalWorkflowRunner[] = [];
let restore = () => {};

function setUp(steps: ReturnType<typeof ladder>, options: { timeScale?: number; renewWaitsAfterMs?: number } = {}) {
  restore = provideWorkflowSteps(steps.steps);
  const runner = new LocalWorkflowRunner({ definition, timeScale: options.timeScale ?? 1, renewWaitsAfterMs: options.renewWaitsAfterMs });
  runners.push(runner);
  return runner;
}

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  restore();
});

const answer = (action: Answer["action"]): Answer => ({ kind: "answer", action });
const entered = (runner: LocalWorkflowRunner, name: string) =>
  runner.history(name).flatMap((event) => (event.type === "StateEntered" ? [event.state.name] : []));
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: Error) => error,
  );

describe("the local runner executes the synthesized escalation ASL", () => {
  it("resumes a wait with sendTaskSuccess", async () => {
    const steps = ladder({ timeoutSeconds: 3600 });
    const runner = setUp(steps);
    const { done } = runner.startExecution("con_success", { concernId: "con_success" });
    const token = await steps.token("con_success");
    expect(await dynamoTaskTokenStore.status(token)).toBe("waiting");
    await runner.sendTaskSuccess(token, answer("resolve"));
    expect(await done).toMatchObject({ status: "succeeded" });
    expect(steps.applied.at(-1)).toEqual({ concernId: "con_success", outcome: answer("resolve") });
    expect(await dynamoTaskTokenStore.status(token)).toBe("succeeded");
  });

  it("raises States.Timeout at the deadline, caught into ApplyOutcome, and the late answer is refused", async () => {
    // Time runs 86,400 times faster: a 2-day deadline passes in 2 seconds.
    const steps = ladder({ timeoutSeconds: 2 * 86_400 });
    const runner = setUp(steps, { timeScale: 86_400 });
    const { done } = runner.startExecution("con_timeout", { concernId: "con_timeout" });
    const first = await steps.token("con_timeout");
    const second = await steps.token("con_timeout", 2);
    expect(steps.applied.map((a) => a.outcome.kind)).toEqual(["resume", "timeout"]);
    expect(steps.level("con_timeout")).toBe("case_manager");
    const caught = runner.history("con_timeout").find((e) => e.type === "StateCaught");
    expect(caught).toMatchObject({ state: { name: "WaitForAnswer" }, catch: { catcher: { ErrorEquals: ["States.Timeout"], Next: "ApplyOutcome" } } });
    const late = await rejection(runner.sendTaskSuccess(first, answer("resolve")));
    expect(late).toMatchObject({ name: "TaskTimedOut" });
    expect(isStaleTaskToken(late)).toBe(true);
    await runner.sendTaskSuccess(second, answer("resolve"));
    expect(await done).toMatchObject({ status: "succeeded" });
  });

  it("refuses a duplicated sendTaskSuccess and applies the answer once", async () => {
    const steps = ladder({ timeoutSeconds: 3600 });
    const runner = setUp(steps);
    const { done } = runner.startExecution("con_twice", { concernId: "con_twice" });
    const token = await steps.token("con_twice");
    const sent = [answer("resolve"), answer("dispute")];
    const results = await Promise.allSettled(sent.map((output) => runner.sendTaskSuccess(token, output)));
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { name: "TaskTimedOut" } });
    const winner = sent[results.findIndex((r) => r.status === "fulfilled")]!;
    if (winner.action === "dispute") await runner.sendTaskSuccess(await steps.token("con_twice", 2), answer("resolve"));
    await done;
    expect(await rejection(runner.sendTaskSuccess(token, answer("resolve")))).toMatchObject({ name: "TaskTimedOut" });
    expect(await rejection(runner.sendTaskSuccess("no-such-token", answer("resolve")))).toMatchObject({ name: "InvalidToken" });
    // Only the winner reached ApplyOutcome for the first wait.
    expect(steps.applied.filter((a) => a.outcome.kind === "answer")[0]).toEqual({ concernId: "con_twice", outcome: winner });
    expect(steps.applied.filter((a) => a.outcome.kind === "answer")).toHaveLength(winner.action === "dispute" ? 2 : 1);
  });

  it("does nothing on a second start with the same name while the first runs, and refuses one after it ended", async () => {
    const steps = ladder({ timeoutSeconds: 3600 });
    const runner = setUp(steps);
    const first = runner.startExecution("con_again", { concernId: "con_again" });
    const token = await steps.token("con_again");
    const second = runner.startExecution("con_again", { concernId: "con_again" });
    await runner.start("con_again", { concernId: "con_again" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.done).toBe(first.done);
    expect(steps.tokens).toHaveLength(1);
    expect(steps.applied).toHaveLength(1);
    await runner.sendTaskSuccess(token, answer("resolve"));
    await first.done;
    expect(() => runner.startExecution("con_again", { concernId: "con_again" })).toThrow(expect.objectContaining({ name: "ExecutionAlreadyExists" }));
  });

  it("retries a Lambda service error with its Retry, then catches what persists into RecordFailure and fails", async () => {
    const steps = ladder({
      timeoutSeconds: 3600,
      prepare(concernId, attempt) {
        // One concern recovers on the third attempt; the other never does.
        if (concernId === "con_broken" || attempt < 3) throw Object.assign(new Error("Rate exceeded"), { name: "Lambda.TooManyRequestsException" });
      },
    });
    const runner = setUp(steps, { timeScale: 1000 });
    const flaky = runner.startExecution("con_flaky", { concernId: "con_flaky" });
    const broken = runner.startExecution("con_broken", { concernId: "con_broken" });

    expect(await broken.done).toMatchObject({ status: "failed", error: { name: "Lambda.TooManyRequestsException" } });
    expect(runner.history("con_broken").filter((e) => e.type === "StateRetried")).toHaveLength(3);
    // Retries stay inside the state: entered once, attempted four times.
    expect(entered(runner, "con_broken")).toEqual(["Resume", "Route", "PrepareLevel", "RecordFailure", "Failed"]);
    expect(steps.failures).toEqual([
      { concernId: "con_broken", executionName: "con_broken", failure: { Error: "Lambda.TooManyRequestsException", Cause: "Rate exceeded" } },
    ]);

    await runner.sendTaskSuccess(await steps.token("con_flaky"), answer("resolve"));
    expect(await flaky.done).toMatchObject({ status: "succeeded" });
    expect(runner.history("con_flaky").filter((e) => e.type === "StateRetried")).toHaveLength(2);
    expect(steps.failures.filter((f) => f.concernId === "con_flaky")).toEqual([]);
  });

  it("sends a step's invalid answer straight to RecordFailure, without retrying it", async () => {
    const steps = ladder({ timeoutSeconds: 3600 });
    const runner = setUp(steps);
    const restoreLadder = restore;
    const restoreInvalid = provideWorkflowSteps({ ...steps.steps, applyOutcome: async ({ concernId }) => ({ concernId, next: "elsewhere" }) as never });
    restore = () => (restoreInvalid(), restoreLadder());
    const { done } = runner.startExecution("con_invalid", { concernId: "con_invalid" });
    expect(await done).toMatchObject({ status: "failed", error: { name: "ValiError" } });
    expect(entered(runner, "con_invalid")).toEqual(["Resume", "RecordFailure", "Failed"]);
    expect(steps.failures[0]).toMatchObject({ concernId: "con_invalid", failure: { Error: "ValiError" } });
  });

  it("climbs all four levels in few state transitions", async () => {
    const steps = ladder({ timeoutSeconds: 86_400 });
    const runner = setUp(steps, { timeScale: 86_400 });
    const { done } = runner.startExecution("con_ladder", { concernId: "con_ladder" });
    // The teacher's day passes with no answer; the case manager and the director escalate; the advocate resolves.
    await runner.sendTaskSuccess(await steps.token("con_ladder", 1, "case_manager"), answer("escalate"));
    await runner.sendTaskSuccess(await steps.token("con_ladder", 1, "director"), answer("escalate"));
    await runner.sendTaskSuccess(await steps.token("con_ladder", 1, "advocate"), answer("resolve"));
    expect(await done).toMatchObject({ status: "succeeded" });

    const transitions = entered(runner, "con_ladder");
    const level = ["PrepareLevel", "WaitForAnswer", "ApplyOutcome", "Route"];
    expect(transitions).toEqual(["Resume", "Route", ...level, ...level, ...level, ...level, "Closed"]);
    console.log(`four-level escalation: ${transitions.length} state transitions`);
    expect(transitions.length).toBeLessThanOrEqual(20);
  });

  it("survives a restart: resumeAll carries on at the same wait, due time kept, old token refused", async () => {
    const steps = ladder({ timeoutSeconds: 3600 });
    const before = setUp(steps, { timeScale: 10 });
    before.startExecution("con_restart", { concernId: "con_restart" });
    const oldToken = await steps.token("con_restart");
    const { dueAt } = (await getItem<{ dueAt: number }>(keys.workflowWait("con_restart"), true))!;
    await before.stop();

    const after = new LocalWorkflowRunner({ definition, timeScale: 10 });
    runners.push(after);
    expect(await after.resumeAll(async () => ["con_restart"])).toEqual(["con_restart"]);
    const newToken = await steps.token("con_restart", 2);
    expect(steps.applied.map((a) => a.outcome.kind)).toEqual(["resume", "resume"]);
    expect(await getItem(keys.workflowWait("con_restart"), true)).toMatchObject({ token: newToken, dueAt });
    expect(await rejection(after.sendTaskSuccess(oldToken, answer("resolve")))).toMatchObject({
      name: "TaskTimedOut",
      message: "Task token already abandoned",
    });
    await after.sendTaskSuccess(newToken, answer("resolve"));
    expect(await after.startExecution("con_restart", { concernId: "con_restart" }).done).toMatchObject({ status: "succeeded" });
  });

  it("restarts a wait that would outlast the library's timer, and still times out at the original due time", async () => {
    const steps = ladder({ timeoutSeconds: 1500 });
    const runner = setUp(steps, { timeScale: 1000, renewWaitsAfterMs: 400 });
    const { done } = runner.startExecution("con_long", { concernId: "con_long" });
    const first = await steps.token("con_long");
    const renewed = await steps.token("con_long", 2);
    expect(renewed).not.toBe(first);
    // Each renewal restarts the execution at the same wait; had it reset the due time, the teacher's wait would never end.
    const wait = await steps.token("con_long", 1, "case_manager");
    const kinds = steps.applied.map((a) => a.outcome.kind);
    expect(kinds.filter((kind) => kind === "timeout")).toHaveLength(1);
    expect(kinds.slice(0, kinds.indexOf("timeout"))).toEqual(expect.arrayContaining(["resume", "resume"]));
    expect(steps.tokens.filter((t) => t.level === "teacher").length).toBeGreaterThanOrEqual(2);
    await runner.sendTaskSuccess(wait, answer("resolve"));
    expect(await done).toMatchObject({ status: "succeeded" });
    expect(entered(runner, "con_long").filter((s) => s === "Resume").length).toBeGreaterThanOrEqual(3);
  });
});

describe("handing a start or an answer to the execution", () => {
  // The next step runs after the request that started or answered the execution, as it would in another Lambda on AWS.
  it("runs no step before the hand-off, and settles an answer's token before its step runs", async () => {
    const steps = ladder({ timeoutSeconds: 3600 });
    restore = provideWorkflowSteps(steps.steps);
    const runner = new LocalWorkflowRunner({ definition, timeScale: 1, handOffMs: 200 });
    runners.push(runner);
    const { done } = runner.startExecution("con_handoff", { concernId: "con_handoff" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runner.history("con_handoff")).toEqual([]);
    expect(steps.applied).toEqual([]);
    const token = await steps.token("con_handoff");
    await runner.sendTaskSuccess(token, answer("resolve"));
    expect(await dynamoTaskTokenStore.status(token)).toBe("succeeded");
    expect(steps.applied.map((a) => a.outcome.kind)).toEqual(["resume"]);
    expect(await done).toMatchObject({ status: "succeeded" });
    expect(steps.applied.map((a) => a.outcome.kind)).toEqual(["resume", "answer"]);
  });

  it("ends an execution stopped before its hand-off as stopped, with no step run", async () => {
    const steps = ladder({ timeoutSeconds: 3600 });
    restore = provideWorkflowSteps(steps.steps);
    const runner = new LocalWorkflowRunner({ definition, timeScale: 1, handOffMs: 200 });
    const { done } = runner.startExecution("con_never", { concernId: "con_never" });
    await runner.stop();
    expect(await done).toEqual({ status: "stopped" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runner.history("con_never")).toEqual([]);
    expect(steps.applied).toEqual([]);
  });
});

describe("stopping the runner", () => {
  it("lets no step act for an execution aborted while its wait was being stored", async () => {
    const steps = ladder({ timeoutSeconds: 3600 });
    restore = provideWorkflowSteps(steps.steps);
    let issued = (_token: string) => {};
    let release = () => {};
    const issuing = new Promise<string>((resolve) => (issued = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // The real store, held at the moment a token is being recorded.
    const store = {
      ...dynamoTaskTokenStore,
      async issue(input: Parameters<typeof dynamoTaskTokenStore.issue>[0]) {
        issued(input.token);
        await released;
        return dynamoTaskTokenStore.issue(input);
      },
    };
    const runner = new LocalWorkflowRunner({ definition, timeScale: 1, store });
    const { done } = runner.startExecution("con_stopped", { concernId: "con_stopped" });
    const token = await issuing;
    const stopped = runner.stop();
    release();
    await stopped;
    expect(await done).toEqual({ status: "stopped" });
    expect(steps.tokens).toEqual([]);
    expect(await dynamoTaskTokenStore.status(token)).toBe("abandoned");
  });
});

describe("the local stack's workflow", () => {
  it("registers the runner as core's engine and resumes the open concerns it is given", async () => {
    const steps = ladder({ timeoutSeconds: 3600 });
    restore = provideWorkflowSteps(steps.steps);
    const workflow = await startLocalWorkflow(async () => ["con_open_1", "con_open_2"], { definition, timeScale: 1 });
    try {
      expect(workflowEngine()).toBe(workflow.runner);
      expect(workflow.resumed).toEqual(["con_open_1", "con_open_2"]);
      await workflowEngine().start("con_open_1", { concernId: "con_open_1" }); // already running: nothing new
      await workflowEngine().sendTaskSuccess(await steps.token("con_open_1"), answer("resolve"));
      await steps.token("con_open_2");
      expect(steps.tokens.map((t) => t.concernId).sort()).toEqual(["con_open_1", "con_open_2"]);
    } finally {
      await workflow.stop();
    }
    expect(workflowEngine()).not.toBe(workflow.runner);
  });
});
