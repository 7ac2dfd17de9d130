import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";

/**
 * A cold-start proxy: a fresh `node` process imports a bundle and answers its first event, timed from
 * spawn to the answer. The API bundle answers `GET /api/me` against DynamoDB Local (one BatchGetItem
 * of session and user); the baseline is an empty handler bundled the same way. Lambda's own init
 * (fetching the zip, starting the runtime) is the same for both and is not in either figure.
 */
const probe = `
const started = performance.now();
const { handler } = await import(process.env.BUNDLE);
const imported = performance.now();
const answer = await handler(JSON.parse(process.env.EVENT), {});
// Exit at once: the SDK's kept-alive sockets would otherwise hold the process open, and that wait is not start-up.
process.stdout.write(JSON.stringify({ importMs: imported - started, answerMs: performance.now() - imported, status: answer.statusCode }), () => process.exit(0));
`;

const apiEvent = (token: string) => ({
  version: "2.0",
  routeKey: "$default",
  rawPath: "/api/me",
  rawQueryString: "",
  headers: { host: "bench.fidelio.test", authorization: `Bearer ${token}` },
  requestContext: { http: { method: "GET", path: "/api/me", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" }, domainName: "bench.fidelio.test", requestId: "cold", stage: "$default" },
  isBase64Encoded: false,
});

interface Run { wallMs: number; importMs: number; answerMs: number; status: number }

function once(bundle: string, event: unknown, env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--input-type=module", "-e", probe], { env: { ...env, BUNDLE: bundle, EVENT: JSON.stringify(event) }, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  return new Promise((done, fail) =>
    child.once("exit", (code) => (code === 0 ? done({ wallMs: performance.now() - started, ...(JSON.parse(out) as Omit<Run, "wallMs">) }) : fail(new Error(`cold-start probe exited ${code}: ${out}`)))),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Alternates the two bundles `runs` times each, so load on the machine falls on both alike; medians. */
export async function coldStart(options: { token: string; env: Record<string, string>; runs?: number }) {
  const dir = mkdtempSync(join(tmpdir(), "fidelio-cold-"));
  try {
    const api = join(dir, "api.mjs");
    const empty = join(dir, "empty.mjs");
    await build({ ...apiBundleOptions, outfile: api, logLevel: "silent" });
    await build({ ...apiBundleOptions, entryPoints: [resolve(import.meta.dirname, "empty-handler.ts")], outfile: empty, logLevel: "silent" });
    const env = { PATH: process.env.PATH ?? "", ...options.env };
    const apiRuns: Run[] = [];
    const emptyRuns: Run[] = [];
    for (let i = 0; i < (options.runs ?? 7); i++) {
      emptyRuns.push(await once(empty, {}, env));
      apiRuns.push(await once(api, apiEvent(options.token), env));
    }
    const bad = apiRuns.find((r) => r.status !== 200);
    if (bad) throw new Error(`the API bundle answered ${bad.status} to GET /api/me`);
    const summary = (runs: Run[]) => ({ wallMs: median(runs.map((r) => r.wallMs)), importMs: median(runs.map((r) => r.importMs)), answerMs: median(runs.map((r) => r.answerMs)) });
    return { api: summary(apiRuns), empty: summary(emptyRuns), runs: apiRuns.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
