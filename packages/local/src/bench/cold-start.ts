import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";

/**
 * A cold-start proxy: a fresh `node` process imports a bundle and answers its first event, timed from
 * spawn to the answer, and the CPU time the process used by then (its threads together: compiling, GC),
 * which load on the machine stretches less than the wall time. The API bundle (its entry, `index.mjs`,
 * which loads the chunks it needs) answers `GET /api/me` against DynamoDB Local (one BatchGetItem of
 * session, user and district); the baselines are an empty handler bundled the same way and the stack
 * floor. Lambda's own init (fetching the zip, starting the runtime) is the same for all and is not in
 * any figure.
 */
const probe = `
const started = performance.now();
const { handler } = await import(process.env.BUNDLE);
const imported = performance.now();
const answer = await handler(JSON.parse(process.env.EVENT), {});
const cpu = process.cpuUsage();
// Exit at once: the SDK's kept-alive sockets would otherwise hold the process open, and that wait is not start-up.
process.stdout.write(JSON.stringify({ importMs: imported - started, answerMs: performance.now() - imported, cpuMs: (cpu.user + cpu.system) / 1000, status: answer.statusCode, body: answer.body }), () => process.exit(0));
`;

const apiEvent = (token: string) => ({
  version: "2.0",
  routeKey: "$default",
  rawPath: "/api/me",
  rawQueryString: "",
  headers: { host: "bench.fidelio.test", authorization: `Bearer ${token}` },
  requestContext: {
    http: { method: "GET", path: "/api/me", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
    domainName: "bench.fidelio.test",
    requestId: "cold",
    stage: "$default",
  },
  isBase64Encoded: false,
});

interface Run {
  wallMs: number;
  importMs: number;
  answerMs: number;
  cpuMs: number;
  status: number;
  body: string;
}

function once(bundle: string, event: unknown, env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--input-type=module", "-e", probe], {
    env: { ...env, BUNDLE: bundle, EVENT: JSON.stringify(event) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  return new Promise((done, fail) =>
    child.once("exit", (code) =>
      code === 0
        ? done({ wallMs: performance.now() - started, ...(JSON.parse(out) as Omit<Run, "wallMs">) })
        : fail(new Error(`cold-start probe exited ${code}: ${out}`)),
    ),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Alternates the bundles `runs` times each, so load on the machine falls on all alike; medians.
 * `floorRead` is the RequestItems of /api/me's one BatchGetItem (the session lookup's, with the
 * district), which the floor sends as they are. `baseline`, an API bundle built before (its entry
 * file), joins the alternation, to judge a change against the code it replaces on a machine whose speed
 * drifts; it signs in with `baselineToken` when given (a token of the form that code knows).
 */
export async function coldStart(options: {
  token: string;
  env: Record<string, string>;
  floorRead: Record<string, { Keys: unknown[]; ConsistentRead?: boolean }>;
  runs?: number;
  baseline?: string;
  baselineToken?: string;
}) {
  const dir = mkdtempSync(join(tmpdir(), "fidelio-cold-"));
  try {
    // The API as it deploys: split into its entry and chunks, in a directory of its own.
    await build({ ...apiBundleOptions, outdir: join(dir, "api"), logLevel: "silent" });
    const api = join(dir, "api", "index.mjs");
    const single = async (name: string, entry: string) => {
      const outfile = join(dir, `${name}.mjs`);
      await build({ ...apiBundleOptions, splitting: false, entryPoints: [resolve(import.meta.dirname, entry)], outfile, logLevel: "silent" });
      return outfile;
    };
    const [floor, empty] = [await single("floor", "stack-floor-handler.ts"), await single("empty", "empty-handler.ts")];
    const env = { PATH: process.env.PATH ?? "", ...options.env, FLOOR_READ: JSON.stringify(options.floorRead) };
    const runs = { api: [] as Run[], floor: [] as Run[], empty: [] as Run[], baseline: [] as Run[] };
    for (let i = 0; i < (options.runs ?? 15); i++) {
      runs.empty.push(await once(empty, {}, env));
      runs.floor.push(await once(floor, apiEvent(options.token), env));
      runs.api.push(await once(api, apiEvent(options.token), env));
      if (options.baseline) runs.baseline.push(await once(options.baseline, apiEvent(options.baselineToken ?? options.token), env));
    }
    const bad = [...runs.api, ...runs.baseline].find((r) => r.status !== 200);
    if (bad) throw new Error(`an API bundle answered ${bad.status} to GET /api/me`);
    // The floor must have read what the API's session lookup reads, or it would be a cheaper request.
    const items = Object.values(options.floorRead).reduce((sum, table) => sum + table.Keys.length, 0);
    const short = runs.floor.find((r) => r.status !== 200 || r.body !== JSON.stringify({ items }));
    if (short) throw new Error(`the stack floor answered ${short.status} ${short.body}, not the ${items} items /api/me reads`);
    const summary = (runs: Run[]) => ({
      wallMs: median(runs.map((r) => r.wallMs)),
      importMs: median(runs.map((r) => r.importMs)),
      answerMs: median(runs.map((r) => r.answerMs)),
      cpuMs: median(runs.map((r) => r.cpuMs)),
    });
    return {
      api: summary(runs.api),
      floor: summary(runs.floor),
      empty: summary(runs.empty),
      baseline: options.baseline ? summary(runs.baseline) : undefined,
      runs: runs.api.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
