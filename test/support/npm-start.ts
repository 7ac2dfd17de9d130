import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { allowedCpus } from "@fidelio/local/emulators/cpu-affinity";

/** `npm start`'s entry point, run as a real process by the tests of starting, crashing and restarting. */
export const startScript = resolve(import.meta.dirname, "../../packages/local/src/start.ts");

/** A clean environment, as a developer's shell would have: none of this test run's table, secret, endpoints or sender. */
const { AUTH_SECRET: _s, TABLE_NAME: _t, DYNAMO_ENDPOINT: _d, SES_ENDPOINT: _m, EMAIL_FROM: _f, ...shellEnv } = process.env;
export { shellEnv };

/**
 * The started stack's DynamoDB Local runs on the first CPU: the run's own (global-setup.ts) is pinned
 * to the last, and it serves the files beside this one meanwhile; two emulators pinned to one CPU
 * would take turns on it while the other CPU has room. A DYNAMO_LOCAL_CPU given to the run wins.
 */
const childDynamoCpu = process.env.DYNAMO_LOCAL_CPU || String(allowedCpus()[0] ?? "any");

/**
 * Starts `npm start`'s entry point with `env` over the clean environment and resolves once it says
 * it is running; rejects with what it printed if it exits first. `detached` gives it its own process
 * group, so one signal reaches Node, Java and everything they started.
 */
export async function startNpmStart(env: Record<string, string>, options: { detached?: boolean } = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", startScript], {
    env: { ...shellEnv, DYNAMO_LOCAL_CPU: childDynamoCpu, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  await Promise.race([
    new Promise<void>((ready) => child.stdout!.on("data", () => output.includes("Press Ctrl-C") && ready())),
    exited.then((code) => {
      // Whatever it started in its own group (Java) goes with it.
      try {
        if (options.detached) process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Nothing of it is left.
      }
      return Promise.reject(new Error(`start exited (${code}): ${output}`));
    }),
  ]);
  return { child, output: () => output, exited };
}
