import { BatchGetItemCommand, BatchWriteItemCommand, GetItemCommand, TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { batchPut, dynamo, keys, rawPartitionQuery, tableName, toItem } from "@fidelio/core/dynamo";
import { addWeeks, Fidelity, formItem, newForm, type FidelityForm } from "@fidelio/core/fidelity";
import { newId } from "@fidelio/core/id";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { User } from "@fidelio/core/user";
import { describeRounds, rawPrices, roundsOf, sessionRound } from "./call-rounds";
import { unprofiled, type Profiled } from "./profile";
import { measure, type Figures } from "./raw-dynamo";

/** Lets the stack's outbox poller read past the stream records of a bulk write before timing anything. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10_000));

/**
 * The fidelity rows of `npm run bench`: saving a draft and submitting, beside the raw DynamoDB Local
 * calls each request makes (session + user BatchGetItem, form GetItem, student partition Query and
 * district GetItem side by side, one TransactWriteItems) and a route that does no storage work; then
 * the parent's fidelity view over ten weeks of forms, and again after three years of them.
 */
export async function benchFidelity(
  url: string,
  tokens: { teacher: string; parent: string },
  seconds: number,
  profiled: Profiled = unprofiled,
): Promise<Array<[string, Figures | string]>> {
  const auth = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
  const students = (await (await fetch(`${url}/api/students`, { headers: auth(tokens.teacher) })).json()) as { items: Array<{ id: string }> };
  const child = ((await (await fetch(`${url}/api/students`, { headers: auth(tokens.parent) })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  // The parent's child is left out: its history is the view's own measurement.
  const records = (await Promise.all(students.items.filter((s) => s.id !== child).map((s) => Student.load(s.id)))).filter((r) => r !== undefined);
  const teacherId = records[0]!.relationships.find((r) => r.kind === "teacher" && r.userName === "Maria Alvarez")!.userId;

  // Forms to write to, in weeks long past (a late week's save carries a reason), built as the API builds them.
  const formsFor = (studentIndex: number, firstWeek: string, count: number) => {
    const record = records[studentIndex % records.length]!;
    const iep = Iep.latest(record.ieps)!;
    const current = { ...record, ieps: [{ ...iep, effectiveFrom: "2000-01-03" }] };
    return Array.from({ length: count }, (_, i) => newForm(current, teacherId, addWeeks(firstWeek, i))).filter((f): f is FidelityForm => !!f);
  };
  const answered = (f: FidelityForm): FidelityForm => ({
    ...f,
    status: "draft",
    version: 1,
    accommodations: f.plan.accommodations.map((a) => ({ itemId: a.id, status: "provided" })),
  });
  // The last draft and the first form to submit are saved and submitted in this process, to record their calls.
  const drafts = formsFor(1, "2019-W01", 5);
  const toSubmit = records.flatMap((_, i) => formsFor(i, "2020-W01", 150)).map(answered);
  await batchPut([...drafts, ...toSubmit].map((f) => formItem(answered(f))));
  await settle();

  const teacher = User.toActor((await User.byEmail("teacher@demo.fidelio.test"))!);
  const probeDraft = drafts.pop()!;
  const probeSubmit = toSubmit.shift()!;
  const answers = (form: FidelityForm) => ({
    accommodations: form.plan.accommodations.map((a) => ({ itemId: a.id, status: "partly" as const, reason: "time_or_staff" as const, note: "Bench" })),
    services: [],
    reason: "Bench",
  });
  const saveRounds = [sessionRound, ...(await roundsOf(() => Fidelity.saveDraft(teacher, { id: probeDraft.id, version: 1, ...answers(probeDraft) })))];
  const submitRounds = [sessionRound, ...(await roundsOf(() => Fidelity.submitForm(teacher, { id: probeSubmit.id, version: 1, reason: "Bench" })))];

  const versions = new Map(drafts.map((f) => [f.id, 1]));
  let nextDraft = 0;
  const saveDraft = async () => {
    const form = drafts[nextDraft++ % drafts.length]!;
    const body = { version: versions.get(form.id), ...answers(form) };
    const res = await fetch(`${url}/api/fidelity/forms/${form.id}`, { method: "PUT", headers: auth(tokens.teacher), body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`save draft answered ${res.status}: ${await res.text()}`);
    versions.set(form.id, ((await res.json()) as { version: number }).version);
  };
  let nextSubmit = 0;
  const submit = async () => {
    const form = toSubmit[nextSubmit++];
    if (!form) throw new Error("the bench ran out of forms to submit");
    const res = await fetch(`${url}/api/fidelity/forms/${form.id}/submit`, {
      method: "POST",
      headers: auth(tokens.teacher),
      body: JSON.stringify({ version: 1, reason: "Bench" }),
    });
    if (res.status !== 200) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  const empty = async () => void (await (await fetch(`${url}/api/me`)).arrayBuffer());

  const form = drafts[0]!;
  const batchGet = () =>
    dynamo().send(
      new BatchGetItemCommand({
        RequestItems: { [tableName()]: { Keys: [toItem(keys.user(teacherId)), toItem(keys.fidelityForm(form.id))], ConsistentRead: true } },
      }),
    );
  const getForm = () => dynamo().send(new GetItemCommand({ TableName: tableName(), Key: toItem(keys.fidelityForm(form.id)), ConsistentRead: true }));
  const query = () => rawPartitionQuery(keys.studentPartition(form.studentId).pk);
  // A form and its audit entry, and any more items as small as a pattern count's.
  const benchItem = () => ({ Item: toItem({ pk: `BENCH#${newId("out")}`, sk: "X", type: "bench", text: "x".repeat(200) }) });
  const transact = (size: number) => () =>
    dynamo().send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: toItem({ ...formItem(answered(form)), ...keys.fidelityForm(`bench_${newId("frm")}`) }) } },
          { Put: { TableName: tableName(), Item: toItem({ ...keys.audit(form.studentId, new Date().toISOString(), newId("aud")), type: "bench" }) } },
          ...Array.from({ length: size - 2 }, () => ({ Put: { TableName: tableName(), ...benchItem() } })),
        ],
      }),
    );

  // The raw calls first: the stack has longer to finish reading the stream records of the bulk write.
  const raw: Array<[string, Figures]> = [
    ["route with no storage work (401)", await measure(empty, 1, seconds)],
    ["DynamoDB BatchGetItem (session, user)", await measure(batchGet, 1, seconds)],
    ["DynamoDB GetItem (form)", await measure(getForm, 1, seconds)],
    ["DynamoDB Query (student partition)", await measure(query, 1, seconds)],
    ["DynamoDB TransactWriteItems (form, audit)", await measure(transact(2), 1, seconds)],
  ];
  // Each request's calls in rounds (call-rounds.ts), priced with the raw calls above and, for other kinds or sizes, their own.
  const [batchP50, getP50, queryP50, transactP50] = raw.slice(1).map(([, f]) => f.p50);
  const prices = rawPrices(
    seconds,
    {
      GetItem: () => getForm,
      BatchGetItem: () => batchGet,
      Query: () => query,
      TransactWriteItems: transact,
      BatchWriteItem: (size) => () =>
        dynamo().send(new BatchWriteItemCommand({ RequestItems: { [tableName()]: Array.from({ length: size }, () => ({ PutRequest: benchItem() })) } })),
    },
    {},
    { "BatchGetItem#0": batchP50!, "GetItem#0": getP50!, "Query#0": queryP50!, "TransactWriteItems#2": transactP50! },
  );
  const rows: Array<[string, Figures | string]> = [
    ["API PUT /api/fidelity/forms/:id", await profiled("fidelity save draft", () => measure(saveDraft, 1, seconds))],
    ["API POST /api/fidelity/forms/:id/submit", await profiled("fidelity submit", () => measure(submit, 1, Math.min(seconds, 3)))],
    ...raw,
  ];
  const emptyP50 = raw[0]![1].p50;
  for (const [label, rounds, f] of [
    ["save", saveRounds, rows[0]![1]],
    ["submit", submitRounds, rows[1]![1]],
  ] as const) {
    const [calls, summed] = [await prices.inRounds(rounds), await prices.sum(rounds)];
    rows.push([`  ${label}'s calls: ${describeRounds(rounds)}`, ""]);
    rows.push([
      `  ${label} p50 − (empty ${emptyP50.toFixed(2)} + calls timed in rounds ${calls.toFixed(2)} ms; their single p50s summed ${summed.toFixed(2)}) = `,
      `${((f as Figures).p50 - emptyP50 - calls).toFixed(2)} ms (target ≤ 1; against the summed p50s ${((f as Figures).p50 - emptyP50 - summed).toFixed(2)})`,
    ]);
  }

  // The parent's view: the default window (ten weeks), before and after three years of weekly forms.
  const view = async () => {
    const res = await fetch(`${url}/api/students/${child}/fidelity`, { headers: auth(tokens.parent) });
    if (res.status !== 200) throw new Error(`fidelity view answered ${res.status}`);
    await res.arrayBuffer();
  };
  const tenWeeks = await measure(view, 1, seconds);
  const record = (await Student.load(child))!;
  const team = record.relationships.filter((r) => r.kind !== "guardian");
  const current = { ...record, ieps: record.ieps.map((i) => ({ ...i, effectiveFrom: i.version === 1 ? "2020-01-06" : i.effectiveFrom })) };
  const threeYears = Array.from({ length: 156 }, (_, i) => addWeeks("2023-W30", i)).flatMap((w) =>
    team.flatMap((rel) => {
      const f = newForm(current, rel.userId, w);
      return f ? [formItem({ ...answered(f), status: "submitted", version: 2 })] : [];
    }),
  );
  await batchPut(threeYears);
  await settle();
  const withHistory = await measure(view, 1, seconds);
  rows.push(["API GET /api/students/:id/fidelity, 10 weeks of forms", tenWeeks]);
  rows.push([`API GET ... after 3 years (${threeYears.length} more forms)`, withHistory]);
  rows.push(["  p50 ratio 3 years / 10 weeks", `${(withHistory.p50 / tenWeeks.p50).toFixed(2)} (target ≤ 1.5)`]);
  return rows;
}
