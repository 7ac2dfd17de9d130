import { StateMachine, type StateMachineDefinition } from "aws-local-stepfunctions";
import type { EventLog, JSONValue } from "./library-types";
import { Config } from "@fidelio/core/config";
import type { WorkflowEngine } from "@fidelio/core/workflow/engine";
import type { ExecutionInput } from "@fidelio/core/workflow/schema";
import { handler as applyOutcome } from "@fidelio/functions/workflow/apply-outcome";
import { handler as prepareLevel } from "@fidelio/functions/workflow/prepare-level";
import { handler as recordFailure } from "@fidelio/functions/workflow/record-failure";
import { handler as waitForAnswer } from "@fidelio/functions/workflow/wait-for-answer";
import { workflowTasks } from "@fidelio/infra/workflow";
import { CallbackWaits, taskTokenPlaceholder, type RunGuard } from "./callback-waits";
import { libraryTimeoutSeconds, runnableDefinition, synthesizedDefinition } from "./definition";
import { dynamoTaskTokenStore, type TaskTokenStore } from "./token-store";
import { clock } from "@fidelio/core/clock";

export interface LocalWorkflowOptions {
  /** Waits run this many times shorter; Config.timeScale() (TIME_SCALE) unless told. */
  timeScale?: number;
  store?: TaskTokenStore;
  /** The synthesized ASL unless told. */
  definition?: StateMachineDefinition;
  /** A wait longer than this restarts its execution before the library's own timer (2,147,483 s) can fire. */
  renewWaitsAfterMs?: number;
  /**
   * How long a start or an answer takes to reach its execution (defaultHandOffMs unless told): the step it leads to
   * then runs after the request that started or answered it has been answered, as on AWS, where it runs
   * in another Lambda.
   */
  handOffMs?: number;
}

/**
 * On AWS a start or a SendTaskSuccess is recorded, and the next step runs later in another Lambda (tens of
 * milliseconds). Here the step would otherwise run on the same event loop and against the same DynamoDB
 * Local as the rest of the request that started or answered it, and be counted in that request's time.
 */
export const defaultHandOffMs = 25;

export interface ExecutionResult {
  status: "succeeded" | "failed" | "stopped";
  output?: unknown;
  error?: { name: string; message: string };
}

interface Execution {
  name: string;
  input: ExecutionInput;
  history: EventLog[];
  done: PromiseWithResolvers<ExecutionResult>;
  result?: ExecutionResult;
  abort?: () => void;
  /** Why the current run was aborted: a renewal starts it again, a stop ends it. */
  aborting?: "renew" | "stop";
  /** Which run of the execution is current; a renewal starts the next. */
  run: number;
  /** Step calls in flight, which a stop waits for so nothing acts after it. */
  busy: Set<Promise<unknown>>;
}

// The task handlers the Lambdas export, by the file name infra/workflow.ts builds each Lambda from.
const handlers = { "apply-outcome": applyOutcome, "prepare-level": prepareLevel, "record-failure": recordFailure } as const;

/**
 * Runs the escalation state machine that infra/workflow.ts synthesizes, in this process, with
 * aws-local-stepfunctions; every task state runs the same handler its Lambda exports. The runner
 * adds task tokens, callback deadlines and restart durability (see callback-waits.ts, docs/architecture.md).
 */
export class LocalWorkflowRunner implements WorkflowEngine {
  readonly definition: StateMachineDefinition;
  private readonly machine: StateMachine;
  private readonly executions = new Map<string, Execution>();
  private readonly waits: CallbackWaits;
  private readonly timeScale: number;
  private readonly handOffMs: number;

  constructor(options: LocalWorkflowOptions = {}) {
    this.definition = runnableDefinition(options.definition ?? synthesizedDefinition());
    // The library validates with asl-validator, which annotates the definition in place: give it a copy.
    this.machine = new StateMachine(structuredClone(this.definition));
    this.timeScale = options.timeScale ?? Config.timeScale();
    this.handOffMs = options.handOffMs ?? defaultHandOffMs;
    this.waits = new CallbackWaits(options.store ?? dynamoTaskTokenStore, {
      timeScale: this.timeScale,
      handOffMs: this.handOffMs,
      renewAfterMs: options.renewWaitsAfterMs ?? (libraryTimeoutSeconds - 3600) * 1000,
      renew: (name) => this.abort(name, "renew"),
    });
  }

  /** Starts `name`; while it runs, another start returns the same execution and changes nothing. */
  startExecution(name: string, input: ExecutionInput): { name: string; done: Promise<ExecutionResult> } {
    const existing = this.executions.get(name);
    if (existing && !existing.result) return { name, done: existing.done.promise };
    if (existing) throw Object.assign(new Error(`Execution ${name} already exists`), { name: "ExecutionAlreadyExists" });
    const execution: Execution = { name, input, history: [], done: Promise.withResolvers(), run: 0, busy: new Set() };
    this.executions.set(name, execution);
    // The start is taken here; its first step runs once the request that asked for it has moved on.
    // A stop meanwhile ends it before it runs (resumeAll starts it again from what its concern records).
    setTimeout(() => (execution.aborting === "stop" ? this.end(execution, { status: "stopped" }) : this.launch(execution)), this.handOffMs);
    return { name, done: execution.done.promise };
  }

  async start(name: string, input: ExecutionInput) {
    this.startExecution(name, input);
  }

  sendTaskSuccess(token: string, output: unknown) {
    return this.waits.succeed(token, output as JSONValue);
  }

  sendTaskFailure(token: string, failure: { error: string; cause?: string }) {
    return this.waits.fail(token, failure.error, failure.cause);
  }

  /** After a restart: starts an execution for every open concern not already known here; each carries on from what its concern records. */
  async resumeAll(listOpen: () => Promise<Iterable<string>>) {
    const names = [...(await listOpen())].filter((name) => !this.executions.has(name));
    for (const name of names) this.startExecution(name, { concernId: name });
    return names;
  }

  /** Every state entered, retried, caught... of `name` in this process, across renewals. */
  history(name: string): readonly EventLog[] {
    return this.executions.get(name)?.history ?? [];
  }

  /** Aborts every running execution (a local server stopping); DynamoDB keeps what resumeAll needs. */
  async stop() {
    const running = [...this.executions.values()].filter((execution) => !execution.result);
    for (const execution of running) this.abort(execution.name, "stop");
    await Promise.all(running.map((execution) => execution.done.promise));
  }

  private abort(name: string, why: "renew" | "stop") {
    const execution = this.executions.get(name);
    if (!execution || execution.result) return;
    execution.aborting = why;
    this.waits.dropExecution(name);
    execution.abort?.();
  }

  private launch(execution: Execution) {
    execution.aborting = undefined;
    execution.run += 1;
    const run = this.machine.run(execution.input, {
      overrides: { taskResourceLocalHandlers: this.taskHandlers(execution, this.guard(execution)), retryIntervalOverrides: this.retryIntervals() },
      context: {
        Execution: {
          Id: `arn:aws:states:us-east-1:000000000000:execution:Escalation:${execution.name}`,
          Name: execution.name,
          Input: execution.input,
          StartTime: clock.iso(),
        },
        StateMachine: { Id: "arn:aws:states:us-east-1:000000000000:stateMachine:Escalation", Name: "Escalation" },
        Task: { Token: taskTokenPlaceholder },
      },
      noThrowOnAbort: true,
    });
    execution.abort = run.abort;
    const logged = (async () => {
      for await (const event of run.eventLogs) execution.history.push(event);
    })();
    const finish = async (result: ExecutionResult) => {
      await logged;
      await Promise.allSettled([...execution.busy]);
      if (execution.aborting === "renew") return this.launch(execution);
      this.end(execution, execution.aborting === "stop" ? { status: "stopped" } : result);
    };
    run.result.then(
      (output) => finish({ status: "succeeded", output }),
      // The library wraps the failure in ExecutionError; its cause carries the Error and Cause AWS would report.
      (error: Error) => {
        const failure = error.cause instanceof Error ? error.cause : error;
        return finish({ status: "failed", error: { name: failure.name, message: failure.message } });
      },
    );
  }

  private end(execution: Execution, result: ExecutionResult) {
    execution.result = result;
    execution.done.resolve(result);
  }

  // The library ends an aborted run only after its state in flight: nothing may act for that run any more.
  private guard(execution: Execution): RunGuard {
    const run = execution.run;
    return {
      active: () => execution.run === run && !execution.aborting,
      track(work) {
        execution.busy.add(work);
        work.then(
          () => execution.busy.delete(work),
          () => execution.busy.delete(work),
        );
        return work;
      },
    };
  }

  private taskHandlers(execution: Execution, run: RunGuard) {
    const idle = new Promise<JSONValue>(() => {});
    return Object.fromEntries(
      Object.entries(workflowTasks).map(([state, step]) => [
        state,
        step === "wait-for-answer"
          ? (input: JSONValue) => (run.active() ? this.waits.wait(execution.name, input, waitForAnswer, run) : idle)
          : async (input: JSONValue) => (run.active() ? (((await run.track<unknown>(handlers[step](input))) ?? null) as JSONValue) : idle),
      ]),
    );
  }

  // Retry pauses shrink with the time scale too (as fixed pauses: the library's override has no backoff).
  private retryIntervals() {
    if (this.timeScale === 1) return undefined;
    const entries = Object.entries(this.definition.States).flatMap(([state, definition]) =>
      "Retry" in definition && definition.Retry ? [[state, definition.Retry.map((r) => ((r.IntervalSeconds ?? 1) * 1000) / this.timeScale)] as const] : [],
    );
    return Object.fromEntries(entries);
  }
}
