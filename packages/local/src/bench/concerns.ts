import { randomUUID } from "node:crypto";
import { BatchGetItemCommand, BatchWriteItemCommand, GetItemCommand, TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { Concern } from "@fidelio/core/concern";
import { batchPut, dynamo, keys, queryPage, rawPartitionQuery, tableName, toItem } from "@fidelio/core/dynamo";
import { newId } from "@fidelio/core/id";
import { User } from "@fidelio/core/user";
import { demoDistrictId } from "../demo/seed";
import { synthesizedDefinition } from "../workflow/definition";
import { startLocalWorkflow } from "../workflow/index";
import { LocalWorkflowRunner } from "../workflow/runner";
import { dynamoTaskTokenStore } from "../workflow/token-store";
import { describeRounds, p50AfterIdle, rawPrices, roundsOf, sessionRound } from "./call-rounds";
import { unprofiled, type Profiled } from "./profile";
import { measure, type Figures } from "./raw-dynamo";

/**
 * The concern rows of `npm run bench`, against the child stack's API and (for call counts, the raw
 * calls and the escalation's history) its DynamoDB from this process:
 *  - filing a concern and an action (escalate), p50/p99 and req/s, beside the sum of the raw DynamoDB
 *    calls each request makes (counted by running the same verb here with a counting middleware)
 *    and the round trip of an empty route (401 before any read);
 *  - the director's board with 1,000 and with 50,000 concerns in the table (p50 ratio, target ≤ 1.5);
 *  - state transitions of a full four-level escalation, from the local runner's history (≤ 20).
 */
/**
 * After each timed filing or action the stack is left to finish what, on AWS, other Lambdas do: the
 * execution's next steps (PrepareLevel, WaitForAnswer: about ten DynamoDB calls, after the local runner's
 * hand-off) and the outbox's emails (the local poller reads the stream every 100 ms when idle). Both run
 * in the stack's own process here; without the pause they land in the next request's time. So: at least
 * `settleMs`, then until no email is left open in the outbox (at most `settleMaxMs`).
 */
const settleMs = 150;
const settleMaxMs = 2_000;

async function settle() {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await sleep(settleMs);
  for (const end = performance.now() + settleMaxMs - settleMs; performance.now() < end; await sleep(25)) {
    if ((await queryPage({ ...keys.outboxOpenAll(), limit: 1 })).items.length === 0) return;
  }
}

/** Times `call` once per item, one at a time, for at most `seconds` of calls, the stack left to settle between them. */
async function timeEach<T>(items: Iterable<T>, call: (item: T) => Promise<unknown>, seconds: number): Promise<Figures> {
  const latencies: number[] = [];
  let busy = 0;
  for (const item of items) {
    if (busy > seconds * 1000) break;
    const start = performance.now();
    await call(item);
    latencies.push(performance.now() - start);
    busy += performance.now() - start;
    await settle();
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { requestsPerSecond: latencies.length / (busy / 1000), p50: at(50), p99: at(99), count: latencies.length };
}

function* forever() {
  for (;;) yield undefined;
}

export async function benchConcerns(
  appUrl: string,
  tokens: { parent: string; teacher: string; director: string },
  seconds: number,
  boardConcerns: number,
  profiled: Profiled = unprofiled,
) {
  const print = (name: string, f: Figures) =>
    console.log(`  ${name.padEnd(44)}${f.requestsPerSecond.toFixed(0).padStart(8)}${f.p50.toFixed(2).padStart(9)}${f.p99.toFixed(2).padStart(9)}`);
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const [child] = ((await (await fetch(`${appUrl}/api/students`, { headers: auth(tokens.parent) })).json()) as { items: Array<{ id: string }> }).items;
  const seen = (await (await fetch(`${appUrl}/api/students/${child!.id}`, { headers: auth(tokens.teacher) })).json()) as {
    myClasses: Array<{ id: string }>;
    iep: { accommodations: Array<{ id: string }> };
  };
  const body = {
    studentId: child!.id,
    classId: seen.myClasses[0]!.id,
    itemIds: [seen.iep.accommodations[0]!.id],
    description: "Extended time on math tests is not happening.",
  };

  // Which calls one filing and one action make, and which run side by side: the same verbs, run here, recorded.
  const actor = async (email: string) => User.toActor((await User.byEmail(email))!);
  const [parentActor, teacherActor] = [await actor("parent@demo.fidelio.test"), await actor("teacher@demo.fidelio.test")];
  // A concern to escalate, filed with the stand-in engine (nothing to start in this process).
  let probe: Awaited<ReturnType<typeof Concern.file>> | undefined;
  await roundsOf(async () => void (probe = await Concern.file(parentActor, randomUUID(), body)), { workflow: true });
  const filing = [sessionRound, ...(await roundsOf(() => Concern.file(parentActor, randomUUID(), body), { workflow: true }))];
  const acting = [
    sessionRound,
    ...(await roundsOf(
      () => Concern.act(teacherActor, { id: probe!.concern.id, action: "escalate", text: "Needs the case manager.", version: probe!.concern.version }),
      { workflow: true },
    )),
  ];
  // The probe concern has no execution, so no task token to resume; in the stack each escalated concern waits with one.
  if (!acting.flat().some((call) => call.name === "workflow resume")) acting.push([{ name: "workflow resume", size: 0, start: 0, end: 0 }]);

  // One raw call of each kind, shaped like the verbs' own; writes of several items priced at their size.
  const user = keys.user(teacherActor.userId);
  const benchItem = () => ({ PutRequest: { Item: toItem({ pk: `BENCH#${newId("out")}`, sk: "X", type: "bench", text: "x".repeat(400) }) } });
  // The local runner's own cost for each workflow call, as the request waits for it: a start records the execution
  // and hands it off (priced on a runner of one Pass state, which then runs outside the timing); a resume settles the
  // wait's task token in DynamoDB (a consistent GetItem and a conditional UpdateItem), then hands the answer off.
  const launcher = new LocalWorkflowRunner({ definition: { StartAt: "Done", States: { Done: { Type: "Pass", End: true } } } as never });
  const prices = rawPrices(
    seconds,
    {
      GetItem: () => () => dynamo().send(new GetItemCommand({ TableName: tableName(), Key: toItem(user), ConsistentRead: true })),
      BatchGetItem: () => () =>
        dynamo().send(
          new BatchGetItemCommand({ RequestItems: { [tableName()]: { Keys: [toItem(user), toItem(keys.user(parentActor.userId))], ConsistentRead: true } } }),
        ),
      Query: () => () => rawPartitionQuery(keys.studentPartition(child!.id).pk),
      TransactWriteItems: (size) => () =>
        dynamo().send(
          new TransactWriteItemsCommand({
            TransactItems: Array.from({ length: size }, () => ({ Put: { TableName: tableName(), ...benchItem().PutRequest } })),
          }),
        ),
      BatchWriteItem: (size) => () => dynamo().send(new BatchWriteItemCommand({ RequestItems: { [tableName()]: Array.from({ length: size }, benchItem) } })),
    },
    {
      "workflow start": async () => {
        const start = performance.now();
        const { done } = launcher.startExecution(`bench-${newId("con")}`, { concernId: "bench" });
        const took = performance.now() - start;
        await done;
        return took;
      },
      "workflow resume": async () => {
        const token = `bench-${randomUUID()}`;
        await dynamoTaskTokenStore.issue({ token, executionName: token, waitKey: "bench", dueAt: Date.now() + 3_600_000 });
        const start = performance.now();
        if (!(await dynamoTaskTokenStore.settle(token, "succeeded"))) throw new Error("the bench's task token was not waiting");
        return performance.now() - start;
      },
    },
  );
  const beyondTarget = 2;

  const filed: Array<{ id: string; version: number }> = [];
  const post = (path: string, token: string, payload: unknown, extra: Record<string, string> = {}) =>
    fetch(`${appUrl}${path}`, { method: "POST", headers: { ...auth(token), "content-type": "application/json", ...extra }, body: JSON.stringify(payload) });
  const fileOne = async () => {
    const res = await post("/api/concerns", tokens.parent, body, { "idempotency-key": randomUUID() });
    if (res.status !== 201) throw new Error(`filing answered ${res.status}`);
    const { id, version } = (await res.json()) as { id: string; version: number };
    filed.push({ id, version });
  };
  // Escalates each concern the filing row made, once: no request is timed without a concern to act on.
  const actOne = async ({ id, version }: { id: string; version: number }) => {
    const res = await post(`/api/concerns/${id}/actions`, tokens.teacher, { action: "escalate", text: "Needs the case manager.", version });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`escalate answered ${res.status}`);
  };
  const empty = async () => void (await (await fetch(`${appUrl}/api/concerns`)).arrayBuffer());

  console.log(`\nConcerns (1 connection, ${seconds} s per row)${"".padEnd(12)}${"req/s".padStart(8)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}`);
  const rows: Array<[string, Figures]> = [
    ["API POST /api/concerns (file)", await profiled("concern file", () => timeEach(forever(), fileOne, seconds))],
    ["API POST /api/concerns/:id/actions (escalate)", await profiled("concern escalate", () => timeEach(filed.splice(0), actOne, seconds))],
    ["empty route (401 before any read)", await measure(empty, 1, seconds)],
  ];
  for (const [name, f] of rows) print(name, f);
  // The timed requests each come after a pause (settle): their calls and the empty route are priced after the same pause.
  const afterIdle = { idleMs: settleMs, samples: 60 };
  const [emptyBackToBack, emptyP50] = [rows[2]![1].p50, await p50AfterIdle(empty, afterIdle)];
  console.log(
    `  empty route after a ${settleMs} ms pause, as the requests above: p50 ${emptyP50.toFixed(2)} ms (back to back ${emptyBackToBack.toFixed(2)}); the calls below are timed the same way`,
  );
  for (const [label, c, f] of [
    ["file", filing, rows[0]![1]],
    ["escalate", acting, rows[1]![1]],
  ] as const) {
    const [inRounds, backToBack, sum] = [await prices.inRounds(c, afterIdle), await prices.inRounds(c), await prices.sum(c)];
    console.log(
      `  ${label}: ${c.length} rounds of calls (‖ side by side): ${describeRounds(c)}; timed in rounds after the pause ${inRounds.toFixed(2)} + empty route ${emptyP50.toFixed(2)} = ${(inRounds + emptyP50).toFixed(2)} ms vs API p50 ${f.p50.toFixed(2)} ms: ${(f.p50 - inRounds - emptyP50).toFixed(2)} ms beyond (target ≤ ${beyondTarget}; against the calls and the empty route back to back, ${backToBack.toFixed(2)} + ${emptyBackToBack.toFixed(2)}: ${(f.p50 - backToBack - emptyBackToBack).toFixed(2)}; against the single p50s summed, ${sum.toFixed(2)}: ${(f.p50 - sum - emptyBackToBack).toFixed(2)})`,
    );
  }

  // The board with 1,000 then 50,000 concerns in the table (synthetic open concerns and their board entries).
  const board = () => fetch(`${appUrl}/api/reports/escalations`, { headers: auth(tokens.director) }).then((r) => r.arrayBuffer());
  const now = Date.now();
  const synthetic = (i: number) => {
    const id = newId("con");
    const dueAt = new Date(now + 86_400_000 * (1 + (i % 40)) + i).toISOString();
    const c = {
      id,
      districtId: demoDistrictId,
      studentId: child!.id,
      studentName: "Bench Student",
      level: "teacher",
      status: "open",
      createdAt: new Date(now - i).toISOString(),
      dueAt,
      stage: "wait",
    };
    return [
      { ...keys.concern(id), ...keys.concernInDistrict(demoDistrictId, c.createdAt, id), type: "bench-concern", ...c },
      {
        ...keys.boardEntry(demoDistrictId, "ALL", `1#${dueAt}`, id),
        type: "board-entry",
        id,
        studentId: c.studentId,
        studentName: c.studentName,
        schoolId: "none",
        schoolName: "",
        level: "teacher",
        status: "open",
        dueAt,
        missed: 0,
        openedAt: c.createdAt,
        levelSince: c.createdAt,
      },
    ];
  };
  const fill = async (from: number, to: number) => {
    for (let i = from; i < to; i += 2_000) await batchPut(Array.from({ length: Math.min(2_000, to - i) }, (_, k) => synthetic(i + k)).flat());
  };
  await fill(0, 1_000);
  const small = await measure(board, 1, seconds);
  const began = performance.now();
  await fill(1_000, boardConcerns);
  const filledIn = (performance.now() - began) / 1000;
  const large = await measure(board, 1, seconds);
  console.log(
    `\nDirector's board (GET /api/reports/escalations, 1 connection; ${boardConcerns.toLocaleString("en-US")} concerns written in ${filledIn.toFixed(0)} s)`,
  );
  print("1,000 concerns in the table", small);
  print(`${boardConcerns.toLocaleString("en-US")} concerns in the table`, large);
  console.log(`  p50 ratio ${(large.p50 / small.p50).toFixed(2)} (target ≤ 1.5)`);

  // A full four-level escalation on a runner in this process, timed so a school day passes in ~43 ms.
  const workflow = await startLocalWorkflow(async () => [], { definition: synthesizedDefinition(), timeScale: 2_000_000 });
  try {
    const { concern } = await Concern.file(parentActor, randomUUID(), { ...body, advocateEmail: "advocate@demo.fidelio.test" });
    for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      const stored = await Concern.get(teacherActor, { id: concern.id }).catch(() => undefined);
      if (stored?.level === "advocate" && stored.assignee) break;
    }
    const entered = workflow.runner.history(concern.id).filter((e) => e.type === "StateEntered").length;
    console.log(`\nFour-level escalation (teacher → case manager → director → advocate, nobody answering): ${entered} state transitions (target ≤ 20)`);
  } finally {
    await workflow.stop();
  }
}
