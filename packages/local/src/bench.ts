import autocannon from "autocannon";
import { GetItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { dynamo, keys, tableName, toItem } from "@fidelio/core/dynamo";
import { apiBundleBytes } from "./bench/bundle-size";
import { startChildStack } from "./bench/child-stack";
import { measure, type Figures } from "./bench/raw-dynamo";

/**
 * `npm run bench`: API latency against raw DynamoDB Local latency, in one run on one machine, and the
 * API bundle size. Targets: API p50 ≤ 2.5 × raw DynamoDB p50; bundle ≤ 400 KB minified.
 */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const stack = await startChildStack();
try {
  process.env.DYNAMO_ENDPOINT = stack.dynamoEndpoint;
  const token = await signInAsTeacher(stack.url, stack.mailUrl);
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (await fetch(`${stack.url}/api/students`, { headers })).json()) as { items: Array<{ id: string }> };
  const studentId = list.items[0]!.id;

  const http = async (path: string): Promise<Figures> => {
    const result = await autocannon({ url: `${stack.url}${path}`, headers, connections: CONNECTIONS, duration: SECONDS });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
  };
  const rows: Array<[string, Figures]> = [
    ["API GET /api/students", await http("/api/students")],
    ["API GET /api/students/:id", await http(`/api/students/${studentId}`)],
    ["DynamoDB GetItem (student)", await measure(() => dynamo().send(new GetItemCommand({ TableName: tableName(), Key: toItem(keys.student(studentId)) })), CONNECTIONS, SECONDS)],
    ["DynamoDB Query (student partition)", await measure(() => dynamo().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: toItem({ ":pk": keys.studentPartition(studentId).pk }) })), CONNECTIONS, SECONDS)],
  ];
  const bytes = await apiBundleBytes();

  console.log(`\nFidelio bench: ${CONNECTIONS} connections, ${SECONDS} s each, teacher@demo.fidelio.test (${list.items.length} students)\n`);
  console.log(`${"".padEnd(38)}${"req/s".padStart(10)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(38)}${f.requestsPerSecond.toFixed(0).padStart(10)}${f.p50.toFixed(2).padStart(10)}${f.p99.toFixed(2).padStart(10)}`);
  const rawQuery = rows[3]![1].p50;
  const rawGet = rows[2]![1].p50;
  console.log(`\np50 ratio API/raw DynamoDB (target ≤ 2.5):`);
  console.log(`  GET /api/students      / Query   ${(rows[0]![1].p50 / rawQuery).toFixed(2)}`);
  console.log(`  GET /api/students/:id  / Query   ${(rows[1]![1].p50 / rawQuery).toFixed(2)}`);
  console.log(`  GET /api/students/:id  / GetItem ${(rows[1]![1].p50 / rawGet).toFixed(2)}`);
  console.log(`\nAPI Lambda bundle (esbuild, minified, SDK bundled): ${(bytes / 1024).toFixed(1)} KB (target ≤ 400 KB)`);
} finally {
  await stack.stop();
}

async function signInAsTeacher(url: string, mailUrl: string): Promise<string> {
  const email = "teacher@demo.fidelio.test";
  await fetch(`${url}/api/auth/start`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) });
  const store = (await (await fetch(`${mailUrl}/store`)).json()) as { emails: Array<{ destination: { to: string[] }; body: { text: string } }> };
  const code = /\b(\d{6})\b/.exec(store.emails.filter((e) => e.destination.to.join().includes(email)).at(-1)?.body.text ?? "")?.[1];
  const res = await fetch(`${url}/api/auth/verify`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, code }) });
  return ((await res.json()) as { token: string }).token;
}
