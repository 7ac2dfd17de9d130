import { dynamo } from "@fidelio/core/dynamo";
import { provideWorkflowEngine } from "@fidelio/core/workflow/engine";
import { measure } from "./raw-dynamo";

/** One storage or workflow call a verb made. */
export interface Call {
  /** The DynamoDB operation (`GetItem`, `TransactWriteItems`...), or `workflow start` / `workflow resume`. */
  name: string;
  /** Items in a TransactWriteItems or BatchWriteItem (priced at their own size); 0 for the others. */
  size: number;
  start: number;
  end: number;
}

/** The round every API request starts with: the session and user read (one consistent BatchGetItem), which a verb called in process skips. */
export const sessionRound: Call[] = [{ name: "BatchGetItem", size: 0, start: 0, end: 0 }];

let calls: Call[] | undefined;

async function record<T>(name: string, size: number, run: () => Promise<T>): Promise<T> {
  const call: Call = { name, size, start: performance.now(), end: Number.POSITIVE_INFINITY };
  calls?.push(call);
  try {
    return await run();
  } finally {
    call.end = performance.now();
  }
}

let installed = false;

/**
 * Records the calls `run` makes in this process, in rounds: a call that starts while another of the
 * round is still in flight runs side by side with it and joins the round; a round costs its slowest
 * call. Every DynamoDB call is seen through the one client's middleware; with `workflow`, a stand-in
 * engine records each start and resume (StartExecution and SendTaskSuccess on AWS) and is removed after.
 */
export async function roundsOf(run: () => Promise<unknown>, options: { workflow?: boolean } = {}): Promise<Call[][]> {
  if (!installed) {
    installed = true;
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { TransactItems?: unknown[]; RequestItems?: Record<string, unknown[]> };
        const size =
          input.TransactItems?.length ?? (context.commandName === "BatchWriteItemCommand" ? Object.values(input.RequestItems ?? {}).flat().length : 0);
        return record(context.commandName!.replace(/Command$/, ""), size, () => next(args));
      },
      { step: "initialize", name: "benchCallRounds" },
    );
  }
  const counted = (name: string) => () => record(name, 0, async () => {});
  if (options.workflow)
    provideWorkflowEngine({ start: counted("workflow start"), sendTaskSuccess: counted("workflow resume"), sendTaskFailure: counted("workflow resume") });
  calls = [];
  try {
    await run();
  } finally {
    if (options.workflow) provideWorkflowEngine(undefined);
  }
  const rounds: Call[][] = [];
  let until = Number.NEGATIVE_INFINITY;
  for (const call of calls.sort((x, y) => x.start - y.start)) {
    if (call.start < until) rounds.at(-1)!.push(call), (until = Math.max(until, call.end));
    else rounds.push([call]), (until = call.end);
  }
  calls = undefined;
  return rounds;
}

/** `GetItem → Query ‖ GetItem → TransactWriteItems(4)`. */
export const describeRounds = (rounds: Call[][]) =>
  rounds.map((round) => round.map((call) => `${call.name}${call.size ? `(${call.size})` : ""}`).join(" ‖ ")).join(" → ");

/**
 * Prices rounds of calls with raw calls made from this process: `raw` makes one call of a kind at a
 * size; `timed` answers the part of its own time that counts (for calls that need setting up first).
 * `inRounds` times the calls as the request makes them, round after round with each round's calls side
 * by side, and takes the p50 of the whole: medians do not add up, so `sum` (each call's own p50, measured
 * one at a time for `seconds` and once per kind and size, a round costing its slowest) understates the
 * p50 of several calls in a row whenever single calls have a long tail.
 */
export function rawPrices(
  seconds: number,
  raw: Record<string, (size: number) => () => Promise<unknown>>,
  timed: Record<string, () => Promise<number>> = {},
  /** p50s already measured, by `name#size` (`GetItem#0`). */
  known: Record<string, number> = {},
) {
  const p50 = new Map<string, number>(Object.entries(known));
  const priceOf = async (call: Call) => {
    const key = `${call.name}#${call.size}`;
    if (!p50.has(key)) {
      const inner = timed[call.name];
      const make = raw[call.name];
      if (!inner && !make) throw new Error(`the bench has no raw call for ${call.name}`);
      p50.set(key, inner ? await p50Of(inner, seconds) : (await measure(make!(call.size), 1, seconds)).p50);
    }
    return p50.get(key)!;
  };
  return {
    /**
     * The p50 of the rounds made raw, for `seconds`: each round's calls side by side, then the next round.
     * A call with only a `timed` measure (it needs setting up) adds its own p50 instead.
     */
    async inRounds(rounds: Call[][], after?: AfterIdle) {
      let apart = 0;
      const made = rounds.map((round) => round.filter((call) => raw[call.name]).map((call) => raw[call.name]!(call.size)));
      for (const round of rounds) {
        const timedOnly = round.filter((call) => !raw[call.name]);
        if (!timedOnly.length) continue;
        const slowestApart = Math.max(0, ...(await Promise.all(timedOnly.map(priceOf))));
        // Side by side with made calls, a set-up call counts only where it is the slower (its p50 against the round's made calls').
        const madeRound = round.filter((call) => raw[call.name]);
        const slowestMade = Math.max(0, ...(await Promise.all(madeRound.map(priceOf))));
        apart += Math.max(0, slowestApart - slowestMade);
      }
      const sequence = async () => {
        for (const round of made) if (round.length) await Promise.all(round.map((call) => call()));
      };
      return (after ? await p50AfterIdle(sequence, after) : (await measure(sequence, 1, seconds)).p50) + apart;
    },
    /** The rounds' raw p50s summed, each round its slowest call. */
    async sum(rounds: Call[][]) {
      let sum = 0;
      for (const round of rounds) {
        let slowest = 0;
        for (const call of round) slowest = Math.max(slowest, await priceOf(call));
        sum += slowest;
      }
      return sum;
    },
  };
}

/** Each timed run preceded by `idleMs` of nothing, as requests timed with a pause between them are. */
export interface AfterIdle {
  idleMs: number;
  samples: number;
}

/**
 * p50 of `run`, each time after `idleMs` with nothing sent: on this machine a call made after a pause
 * takes longer than the same call made straight after another (the processes and DynamoDB Local's
 * threads have gone idle; docs/benchmarks.md, "Calls after a pause"), so requests timed with a pause
 * between them are priced by calls timed the same way.
 */
export async function p50AfterIdle(run: () => Promise<unknown>, { idleMs, samples }: AfterIdle) {
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const start = performance.now();
    await run();
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  return latencies[Math.floor(latencies.length / 2)] ?? Number.NaN;
}

/** p50 of `call`'s answers (the part of its time it counts), run one at a time for `seconds`. */
async function p50Of(call: () => Promise<number>, seconds: number) {
  const latencies: number[] = [];
  for (const end = performance.now() + seconds * 1000; performance.now() < end; ) latencies.push(await call());
  latencies.sort((a, b) => a - b);
  return latencies[Math.floor(latencies.length / 2)] ?? Number.NaN;
}
