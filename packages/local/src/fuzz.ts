import { createHash, randomBytes } from "node:crypto";
import { app } from "@fidelio/functions/api/app";
import { defaultTableName } from "@fidelio/core/dynamo/table-schema";
import { scanTable } from "@fidelio/core/dynamo/tools";
import { startChildStack } from "./bench/child-stack";
import { signInOverHttp } from "./sign-in-over-http";

/**
 * `npm run fuzz`: malformed requests over every API route against the local stack in a child
 * process (DynamoDB Local in memory). Prints counts by status; fails on any 500, any request
 * the server dropped, or any change to the data (sign-in codes, sessions and audit records aside:
 * those are what valid sign-ins and reads write).
 */
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 12_000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 12);

// Every route the API declares, read from the app itself so a new route is fuzzed too.
const routes = [...new Map(app.routes.filter((r) => r.method !== "ALL" && !r.path.includes("*")).map((r) => [`${r.method} ${r.path}`, r])).values()].map(
  (r) => ({ method: r.method, path: r.path }),
);
const extraPaths = [
  "/",
  "/index.html",
  "/assets/..%2f..%2fpackage.json",
  "/students/x",
  "/api",
  "/api/nope",
  "/api/students/",
  "/%2e%2e/%2e%2e/etc/passwd",
  "/api/../package.json",
];

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const huge = (n: number) => "A".repeat(n);
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const foreignOrigins = ["https://evil.example", "null", "http://127.0.0.1.evil.example", "file://"];

const badIds = [
  "x",
  "",
  "stu_",
  `stu_${"0".repeat(26)}`,
  `stu_${"Z".repeat(26)}`,
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "stu_%00abc",
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  huge(5000),
  `stu_01${"é".repeat(24)}`,
  "' OR 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell-style payload, sent as plain text on purpose.
  "${jndi:ldap://x}",
  "%FF%FE",
];
const badCursors = [
  "abc",
  "e30",
  "MTIz",
  "zz",
  "%%",
  "null",
  "undefined",
  huge(3000),
  Buffer.from('{"pk":{"S":"AUDIT#STU#x"},"sk":{"S":"x"}}').toString("base64url"),
  "__proto__",
];
const badJson = [
  "",
  "{",
  "}",
  "[]",
  "null",
  "1",
  '"x"',
  "true",
  '{"a":}',
  "{'email':'x'}",
  deep(5000),
  `{"email":"${huge(200_000)}"}`,
  '{"__proto__":{"admin":true},"email":"a@b.c"}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"email":1}',
  '{"email":["a@b.c"]}',
  '{"email":{"$gt":""}}',
  '{"email":"parent@demo.fidelio.test","code":123456}',
  '{"email":"parent@demo.fidelio.test","code":{}}',
  '{"email":"parent@demo.fidelio.test","code":"12345678901234567890"}',
  "\u0000\u0001\u0002",
  '{"email":"a@b.c"}garbage',
  "\uFEFF{}",
];
/** Dates of the right length that no calendar has (a RangeError once made these 500), and weeks likewise. */
const impossibleDates = ["2026-00-10", "2026-13-10", "2026-01-00", "2026-01-32", "9999-99-99", "0000-00-00", "2026-02-30", "2026-W00", "2026-W54", "9999-W99"];
/** Bodies of the routes that take dates, well-formed but for one impossible date, so only the date check stands in the way. */
function datedBody(path: string, ctx: Ctx): unknown {
  const date = pick(impossibleDates);
  if (path === "/api/concerns") return { studentId: pick(ctx.studentIds), itemIds: ["acc-1"], happenedOn: date, description: "Fuzz" };
  if (path.endsWith("/iep")) return { effectiveFrom: date, accommodations: [], modifications: [], services: [], goals: [], version: 1 };
  if (path === "/api/fidelity/forms/:id") return { version: 1, accommodations: [], services: [{ serviceId: "svc", sessions: [{ date, minutes: 30 }] }] };
  return {
    ...badDistrict(ctx.district),
    calendar: { ...ctx.district.calendar, closures: [{ from: date, to: date, name: "Fuzz" }] },
    version: ctx.district.version,
  };
}
const contentTypes = [
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=x",
  "application/xml",
  "",
  "application/json; charset=utf-16",
  "*/*",
];
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

/** District bodies that are invalid by construction yet carry the current version, so a validation slip would write. */
function badDistrict(current: Record<string, any>) {
  const base = { calendar: current.calendar, deadlines: current.deadlines, fidelityGraceDays: current.fidelityGraceDays, version: current.version };
  return pick([
    { ...base, deadlines: { ...base.deadlines, teacher: "3" } },
    { ...base, deadlines: { ...base.deadlines, teacher: 0 } },
    { ...base, deadlines: { ...base.deadlines, director: 1e308 } },
    { ...base, fidelityGraceDays: -1 },
    { ...base, fidelityGraceDays: 2.5 },
    { ...base, calendar: { ...base.calendar, firstDay: "2025-02-30" } },
    { ...base, calendar: { ...base.calendar, lastDay: base.calendar.firstDay } },
    { ...base, calendar: { ...base.calendar, closures: Array.from({ length: 201 }, () => base.calendar.closures[0] ?? { from: "x", to: "y", name: "n" }) } },
    { ...base, calendar: { ...base.calendar, closures: [{ from: "2000-01-01", to: "2000-01-02", name: "Out of year" }] } },
    { ...base, calendar: { ...base.calendar, closures: [{ from: base.calendar.firstDay, to: base.calendar.firstDay, name: huge(500) }] } },
    { ...base, calendar: null },
    { ...base, version: "1" },
    { ...base, deadlines: [] },
    { deadlines: base.deadlines },
  ]);
}

function multipart(): { body: Uint8Array; type: string } {
  const boundary = `fuzz${randomBytes(4).toString("hex")}`;
  const name = pick(["users.csv", "../../etc/passwd", "orgs.csv", "roster.zip", "__proto__", huge(300), "x.exe"]);
  const content = pick([
    "",
    "a,b,c\n1,2",
    `sourcedId\n${"x\n".repeat(1000)}`,
    randomBytes(2000).toString("latin1"),
    "PK\u0003\u0004garbage",
    '"unclosed,quote\n',
  ]);
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${pick(["files", "file", "other", "__proto__"])}"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    "latin1",
  );
  return {
    body: pick([body, body.subarray(0, body.length / 2)]),
    type: pick([`multipart/form-data; boundary=${boundary}`, "multipart/form-data", "text/csv"]),
  };
}

interface Ctx {
  url: string;
  tokens: Record<string, string>;
  studentIds: string[];
  district: Record<string, any>;
}

function makeRequest(ctx: Ctx): { label: string; url: string; init: RequestInit } {
  const route = Math.random() < 0.93 ? pick(routes) : { method: "GET", path: pick(extraPaths) };
  const method = Math.random() < 0.8 ? route.method : pick(methods);
  const id = Math.random() < 0.3 ? pick(ctx.studentIds) : pick(badIds);
  let path = route.path.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(id).replace(/%25/g, "%"));
  const query: string[] = [];
  if (Math.random() < 0.6) query.push(`cursor=${encodeURIComponent(pick(badCursors))}`);
  if (path.startsWith("/api/audit") || Math.random() < 0.2)
    query.push(`studentId=${encodeURIComponent(Math.random() < 0.5 ? pick(ctx.studentIds) : pick(badIds))}`);
  if (Math.random() < 0.2) query.push(`${pick(["from", "to", "week"])}=${pick(impossibleDates)}`);
  if (Math.random() < 0.15) query.push(pick(["__proto__[x]=1", "constructor[prototype]=1", "cursor=a&cursor=b", "studentId", "%ZZ=1"]));
  if (query.length) path += `?${query.join("&")}`;

  const headers: Record<string, string> = {};
  // Admin routes mostly as the admin, so their bodies get past the role check and are really parsed.
  const who = route.path.startsWith("/api/admin") && Math.random() < 0.6 ? "admin" : pick([...Object.keys(ctx.tokens), "none", "bogus"]);
  const token = who === "bogus" ? `fid_${randomBytes(32).toString("base64url")}` : ctx.tokens[who];
  // A signout with one of the fuzz's own sessions is only ever sent cross-site with the cookie,
  // which must be refused; any other way would sign the fuzz out and turn the rest into 401s.
  const crossSiteSignout = route.path.endsWith("/signout") && token !== undefined && who !== "bogus";
  const asCookie = crossSiteSignout || Math.random() < 0.4;
  if (token) headers[asCookie ? "cookie" : "authorization"] = asCookie ? `fidelio_session=${token}` : `Bearer ${token}`;
  if (crossSiteSignout) headers.origin = pick(foreignOrigins);
  else if (Math.random() < 0.25) headers.origin = pick([...foreignOrigins, ctx.url]);
  if (Math.random() < 0.1)
    headers["sec-fetch-site"] = pick(crossSiteSignout ? ["cross-site", "same-site"] : ["cross-site", "same-site", "none", "same-origin", "bogus"]);

  let body: string | Uint8Array | undefined;
  if (!["GET", "HEAD"].includes(method)) {
    if (route.path === "/api/admin/roster" && Math.random() < 0.7) {
      const form = multipart();
      body = form.body;
      headers["content-type"] = form.type;
    } else if (/^\/api\/(concerns|students\/:id\/iep|fidelity\/forms\/:id|admin\/district)$/.test(route.path) && Math.random() < 0.3) {
      body = JSON.stringify(datedBody(route.path, ctx));
      headers["content-type"] = "application/json";
    } else if (route.path === "/api/admin/district" && Math.random() < 0.6) {
      body = JSON.stringify(badDistrict(ctx.district));
      headers["content-type"] = "application/json";
    } else {
      body = pick(badJson);
      headers["content-type"] = pick(contentTypes);
    }
    if (headers["content-type"] === "") delete headers["content-type"];
  }
  return {
    label: `${method} ${route.path}`,
    url: `${ctx.url}${path}`,
    init: { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) },
  };
}

async function snapshot(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }) {
  const hash = createHash("sha256");
  let count = 0;
  const lines: string[] = [];
  // Sets and binary values spelled out, so a change to one changes the digest.
  const spell = (_key: string, value: unknown) =>
    value instanceof Set ? [...value].sort() : value instanceof Uint8Array ? Buffer.from(value).toString("base64") : value;
  for (const item of await scanTable({ endpoint, region: "us-east-1", credentials }, defaultTableName)) {
    // What any request may write by design: sign-in codes, sessions, rate-limit counters, and the audit
    // trail of reads. (Their emails are in the outbox table, which this does not read.)
    // REMIND#: the weekly reminder job's markers, written by its timer, not by any request.
    if (/^(AUDIT#|CODE#|SESSION#|RATE#|REMIND#)/.test(String(item.pk ?? ""))) continue;
    lines.push(JSON.stringify(Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))), spell));
  }
  for (const line of lines.sort()) hash.update(line), count++;
  return { count, digest: hash.digest("hex"), lines: new Set(lines) };
}

const stack = await startChildStack();
let failed = false;
try {
  const tokens: Record<string, string> = {};
  for (const who of ["admin", "director", "teacher", "parent", "advocate"])
    tokens[who] = await signInOverHttp(stack.url, stack.mailUrl, `${who}@demo.fidelio.test`);
  const get = async (path: string, who: string) =>
    (await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } })).json() as Promise<any>;
  const studentIds = ((await get("/api/students", "director")).items as Array<{ id: string }>).map((s) => s.id);
  const ctx: Ctx = { url: stack.url, tokens, studentIds, district: await get("/api/admin/district", "admin") };
  const before = await snapshot(stack.dynamoEndpoint, stack.credentials);

  console.log(`\nFidelio fuzz: ${TOTAL} malformed requests, ${CONCURRENCY} at a time, over ${routes.length} API routes and ${extraPaths.length} other paths`);
  const byStatus = new Map<string, number>();
  const byRoute = new Map<string, Map<string, number>>();
  const serverErrors: string[] = [];
  let sent = 0;
  const began = Date.now();
  const worker = async () => {
    while (sent < TOTAL) {
      sent++;
      const request = makeRequest(ctx);
      let status: string;
      try {
        const res = await fetch(request.url, request.init);
        await res.arrayBuffer();
        status = String(res.status);
      } catch (error) {
        status = `dropped (${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.name) : String(error)})`;
      }
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      const row = byRoute.get(request.label) ?? new Map<string, number>();
      byRoute.set(request.label, row.set(status, (row.get(status) ?? 0) + 1));
      if (!/^[1-4]\d\d$/.test(status) && serverErrors.length < 20) serverErrors.push(`${status} ${request.init.method} ${request.url.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const after = await snapshot(stack.dynamoEndpoint, stack.credentials);

  console.log(`\n${sent} requests in ${((Date.now() - began) / 1000).toFixed(1)} s\n\nBy status:`);
  for (const [status, n] of [...byStatus].sort()) console.log(`  ${status.padEnd(8)} ${n}`);
  console.log("\nBy route:");
  for (const [label, row] of [...byRoute].sort())
    console.log(
      `  ${label.padEnd(36)} ${[...row]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join("  ")}`,
    );
  const bad = [...byStatus].filter(([s]) => !/^[1-4]\d\d$/.test(s)).reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `\nData: ${before.count} items before, ${after.count} after (codes, sessions, rate counters, outbox and audit records aside); ${before.digest === after.digest ? "unchanged" : "CHANGED"}`,
  );
  const changed = [...after.lines].filter((line) => !before.lines.has(line)).concat([...before.lines].filter((line) => !after.lines.has(line)));
  for (const line of changed.slice(0, 10)) console.log(`  changed: ${line.slice(0, 300)}`);
  console.log(`Server errors or dropped requests: ${bad}`);
  for (const line of serverErrors) console.log(`  ${line}`);
  failed = bad > 0 || before.digest !== after.digest;
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);
