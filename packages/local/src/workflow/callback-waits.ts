import { randomBytes } from "node:crypto";
import * as v from "valibot";
import type { JSONValue } from "./library-types";
import { scaledWaitMs } from "@fidelio/core/calendar";
import { WaitSpec } from "@fidelio/core/workflow/schema";
import type { TaskTokenStore, TokenStatus } from "./token-store";

/** What `$$.Task.Token` resolves to locally; the runner swaps in a fresh token for each wait. */
export const taskTokenPlaceholder = "local-runner-issues-a-token-per-wait";

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

/** Step Functions' answers to a token no wait holds: unknown, or already used, timed out or abandoned. */
const staleToken = (status: TokenStatus | undefined) =>
  status === undefined
    ? named("InvalidToken", "Unknown task token")
    : named("TaskTimedOut", status === "waiting" ? "No running execution holds this task token" : `Task token already ${status}`);

/** Whether the execution run that asked for a wait still runs, and a way to let it finish in-flight work. */
export interface RunGuard {
  active(): boolean;
  track<T>(work: Promise<T>): Promise<T>;
}

interface Pending {
  executionName: string;
  resolve(output: JSONValue): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

/**
 * The callback pattern aws-local-stepfunctions lacks: a token per wait, resolved by
 * sendTaskSuccess/Failure at most once, and States.Timeout when the runner's deadline passes.
 */
export class CallbackWaits {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly store: TaskTokenStore,
    private readonly options: { timeScale: number; renewAfterMs: number; renew(executionName: string): void; handOffMs?: number },
  ) {}

  /** The WaitForAnswer state's override: issue a token, hand it to the step, wait for an answer or the deadline. */
  async wait(executionName: string, processed: JSONValue, step: (event: unknown) => Promise<unknown>, run: RunGuard): Promise<JSONValue> {
    const payload = (processed as { Payload?: Record<string, JSONValue> }).Payload;
    if (payload?.taskToken !== taskTokenPlaceholder) throw new Error("The wait state must pass $$.Task.Token as Payload.taskToken");
    const wait = v.parse(WaitSpec, payload.wait);
    const token = randomBytes(32).toString("base64url");
    // Storing the token and running the step is work a stop waits for; waiting for the answer is not.
    const answered = await run.track(this.begin(executionName, token, wait, run, () => step({ ...payload, taskToken: token })));
    if (!answered) return new Promise<JSONValue>(() => {});
    try {
      return await answered.promise;
    } finally {
      this.drop(token);
    }
  }

  private async begin(executionName: string, token: string, wait: WaitSpec, run: RunGuard, step: () => Promise<unknown>) {
    const { dueAt } = await this.store.issue({
      token,
      executionName,
      waitKey: `${wait.for}:${wait.level}:${wait.deadline}`,
      dueAt: Date.now() + scaledWaitMs(wait.timeoutSeconds, this.options.timeScale),
    });
    // Aborted while the token was being stored: the token is void and the step must not run.
    if (!run.active()) {
      await this.store.settle(token, "abandoned");
      return undefined;
    }
    const answered = Promise.withResolvers<JSONValue>();
    // The deadline can pass while the step still runs (a wait issued again after a restart keeps its
    // due time): the rejection waits for `wait` to read it, and must not end the process meanwhile.
    answered.promise.catch(() => {});
    this.pending.set(token, { executionName, resolve: answered.resolve, reject: answered.reject });
    this.arm(token, dueAt);
    try {
      await step();
    } catch (error) {
      this.drop(token);
      await this.store.settle(token, "failed");
      throw error;
    }
    return answered;
  }

  // The answer is settled in the store (durable: after a crash the resumed execution finds it on the concern)
  // before the caller hears back; the waiting execution gets it once the caller has moved on (handOffMs).
  async succeed(token: string, output: JSONValue) {
    const entry = await this.claim(token, "succeeded");
    setTimeout(() => entry.resolve(output), this.options.handOffMs ?? 0);
  }

  async fail(token: string, error: string, cause = "") {
    const entry = await this.claim(token, "failed");
    setTimeout(() => entry.reject(named(error, cause)), this.options.handOffMs ?? 0);
  }

  /** Forgets the waits of an aborted execution; their tokens stay waiting in the store until a resumed execution abandons them. */
  dropExecution(executionName: string) {
    for (const [token, entry] of this.pending) if (entry.executionName === executionName) this.drop(token);
  }

  private drop(token: string) {
    clearTimeout(this.pending.get(token)?.timer);
    this.pending.delete(token);
  }

  private async claim(token: string, status: "succeeded" | "failed") {
    const entry = this.pending.get(token);
    if (!entry || !(await this.store.settle(token, status))) throw staleToken(await this.store.status(token));
    return entry;
  }

  // Node's timers hold at most 2^31-1 ms, and so does the library's own task timeout: a wait
  // longer than renewAfterMs restarts its execution, which comes back to the same wait and due time.
  private arm(token: string, dueAt: number) {
    const entry = this.pending.get(token)!;
    const left = dueAt - Date.now();
    const status = left > this.options.renewAfterMs ? "abandoned" : "timed_out";
    // A failed store write (DynamoDB Local restarting) must not lose the deadline: try again shortly.
    const fire = () => this.expire(token, status).catch(() => this.pending.has(token) && (entry.timer = setTimeout(fire, 1000)));
    entry.timer = setTimeout(fire, status === "abandoned" ? this.options.renewAfterMs : Math.max(0, left));
  }

  private async expire(token: string, status: "timed_out" | "abandoned") {
    const entry = this.pending.get(token);
    if (!entry || !(await this.store.settle(token, status))) return;
    if (status === "timed_out") entry.reject(named("States.Timeout", "The deadline passed with no answer"));
    else this.options.renew(entry.executionName);
  }
}
