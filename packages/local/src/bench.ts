import autocannon from "autocannon";
import { GetItemCommand, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { newId } from "@fidelio/core/id";
import { dynamo, keys, tableName, toItem } from "@fidelio/core/dynamo";
import { localAuthSecret } from "./auth-secret";
import { lambdaBundleSizes } from "./bench/bundle-size";
import { coldStart } from "./bench/cold-start";
import { startChildStack } from "./bench/child-stack";
import { measure, type Figures } from "./bench/raw-dynamo";
import { benchRosterImport } from "./bench/roster-import";
import { benchFidelity } from "./bench/fidelity";
import { signInOverHttp } from "./sign-in-over-http";

/**
 * `npm run bench`: API latency against raw DynamoDB Local latency, in one run on one machine, and the
 * Lambda bundle sizes. Targets: API p50 ≤ 2.5 × raw DynamoDB p50; API bundle ≤ 400 KB minified.
 */
const LOAD = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROSTER_STUDENTS = Number(process.env.BENCH_ROSTER_STUDENTS ?? 5000);
const ME_RATE = Number(process.env.BENCH_ME_RATE ?? 20);
/**
 * BENCH_ONLY (or `npm run bench -- --only=<part>`): `cold`, the bundles' sizes and the cold-start proxy
 * alone, in about two minutes; `fidelity`, only the fidelity rows (quick to run on a busy machine).
 */
const ONLY = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length) ?? process.env.BENCH_ONLY;

const stack = await startChildStack();
try {
  Object.assign(process.env, { DYNAMO_ENDPOINT: stack.dynamoEndpoint, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: stack.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: stack.credentials.secretAccessKey });
  const token = await signInOverHttp(stack.url, stack.mailUrl, "teacher@demo.fidelio.test");
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (await fetch(`${stack.url}/api/students`, { headers })).json()) as { items: Array<{ id: string }> };
  const studentId = list.items[0]!.id;

  if (ONLY !== "cold") await latencyAndRoster(stack, token, list.items.length, studentId);
  if (ONLY !== "fidelity") await bundlesAndColdStart(stack, token);
} finally {
  await stack.stop();
}

async function latencyAndRoster(stack: Awaited<ReturnType<typeof startChildStack>>, token: string, studentCount: number, studentId: string) {
  const headers = { authorization: `Bearer ${token}` };
  const http = async (path: string, connections: number): Promise<Figures> => {
    const result = await autocannon({ url: `${stack.url}${path}`, headers, connections, duration: SECONDS });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
  };
  const getItem = () => dynamo().send(new GetItemCommand({ TableName: tableName(), Key: toItem(keys.student(studentId)) }));
  const query = () =>
    dynamo().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: toItem({ ":pk": keys.studentPartition(studentId).pk }) }));

  // The write every API read adds: an audit record (FERPA), shaped like the real ones.
  const auditWrite = () =>
    dynamo().send(new PutItemCommand({ TableName: tableName(), Item: toItem({ ...keys.audit(studentId, new Date().toISOString(), newId("aud")), type: "bench" }) }));

  console.log(`\nFidelio bench: ${SECONDS} s per row, as teacher@demo.fidelio.test (${studentCount} students), DynamoDB Local in memory`);
  for (const connections of ONLY === "fidelity" ? [] : [1, LOAD]) {
    const rows: Array<[string, Figures]> = [
      ["API GET /api/students", await http("/api/students", connections)],
      ["API GET /api/students/:id", await http(`/api/students/${studentId}`, connections)],
      ["DynamoDB GetItem (student)", await measure(getItem, connections, SECONDS)],
      ["DynamoDB Query (student partition)", await measure(query, connections, SECONDS)],
      ["DynamoDB PutItem (audit record)", await measure(auditWrite, connections, SECONDS)],
    ];
    console.log(`\n${connections} connection${connections > 1 ? "s" : ""}${"".padEnd(26)}${"req/s".padStart(10)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}`);
    for (const [name, f] of rows) console.log(`  ${name.padEnd(36)}${f.requestsPerSecond.toFixed(0).padStart(10)}${f.p50.toFixed(2).padStart(10)}${f.p99.toFixed(2).padStart(10)}`);
    const [list_, one, get, q, put] = rows.map(([, f]) => f.p50) as [number, number, number, number, number];
    console.log(`  p50 ratio API/raw (target ≤ 2.5): list/Query ${(list_ / q).toFixed(2)}, student/Query ${(one / q).toFixed(2)}, student/GetItem ${(one / get).toFixed(2)}`);
    console.log(`  GET /api/students/:id p50 beyond its Query + audit PutItem: ${(one - q - put).toFixed(2)} ms`);
  }
  const parent = await signInOverHttp(stack.url, stack.mailUrl, "parent@demo.fidelio.test");
  console.log(`\nFidelity forms, 1 connection${"".padEnd(26)}${"req/s".padStart(10)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}`);
  for (const [name, f] of await benchFidelity(stack.url, { teacher: token, parent }, SECONDS)) {
    console.log(typeof f === "string" ? `  ${name.padEnd(56)}${f}` : `  ${name.padEnd(56)}${f.requestsPerSecond.toFixed(0).padStart(10)}${f.p50.toFixed(2).padStart(10)}${f.p99.toFixed(2).padStart(10)}`);
  }
  if (ROSTER_STUDENTS > 0 && ONLY !== "fidelity") {
    const admin = await signInOverHttp(stack.url, stack.mailUrl, "admin@demo.fidelio.test");
    const r = await benchRosterImport(stack.url, admin, ROSTER_STUDENTS, ME_RATE);
    console.log(`\nRoster import job: ${r.students.toLocaleString("en-US")} students (generated OneRoster 1.1 + Fidelio files), ${r.written.toLocaleString("en-US")} people and students written`);
    console.log(`  upload validated and answered 202 in ${r.acceptedMs.toFixed(0)} ms; job done after ${r.wallSeconds.toFixed(1)} s (target ≤ 30 s)`);
    console.log(
      `  GET /api/me at ${ME_RATE}/s during it: ${r.requests} requests, ${r.failures} failed, p50 ${r.p50.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (target ≤ 500), max ${r.max.toFixed(0)} ms`,
    );
  }
}

/** Each Lambda bundle's size, then the cold-start proxy (packages/local/src/bench/cold-start.ts). */
async function bundlesAndColdStart(stack: Awaited<ReturnType<typeof startChildStack>>, token: string) {
  console.log("\nLambda bundles (esbuild, minified, SDK bundled):");
  for (const { name, bytes, targetKB } of await lambdaBundleSizes()) {
    console.log(`  ${name.padEnd(36)}${(bytes / 1024).toFixed(1).padStart(8)} KB${targetKB ? ` (target ≤ ${targetKB} KB)` : ""}`);
  }
  const cold = await coldStart({
    token,
    env: { DYNAMO_ENDPOINT: stack.dynamoEndpoint, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: stack.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: stack.credentials.secretAccessKey, AUTH_SECRET: localAuthSecret(stack.dataDir) },
  });
  const row = (name: string, f: typeof cold.api) => console.log(`  ${name.padEnd(44)}${f.wallMs.toFixed(0).padStart(8)}${f.importMs.toFixed(0).padStart(10)}${f.answerMs.toFixed(0).padStart(10)}`);
  console.log(`\nCold-start proxy (fresh node process per run, median of ${cold.runs}; ms)${"".padEnd(0)}`);
  console.log(`  ${"".padEnd(44)}${"spawn→answer".padStart(8)}${"import".padStart(10)}${"answer".padStart(10)}`);
  row("empty handler", cold.empty);
  row("API bundle, first GET /api/me (DynamoDB Local)", cold.api);
  console.log(`  API/empty, spawn to answer: ${(cold.api.wallMs / cold.empty.wallMs).toFixed(2)}× (target ≤ 3×)`);
}
