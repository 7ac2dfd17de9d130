/**
 * `npm test`: the checks that need no emulator, side by side, then every emulator test.
 *
 * The typecheck (tsc, one core for about a minute) runs beside lint and, after it, the unit tests and
 * the web build, so the two cores share the work instead of taking it in turn. Each check's output is
 * kept and printed whole when it ends, under its name and time, so nothing is lost or interleaved.
 * When any of them fails, the emulator tests do not start and the run fails naming every failed check,
 * as the checks one after another would have (a typecheck error is still reported when lint also fails).
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

/** Chains that run side by side; the steps of one chain run one after another and stop at the first failure. */
const checks = [["typecheck"], ["lint", "test:unit", "build:web"]];

const failed: string[] = [];

function run(script: string, inherit = false, args: string[] = []) {
  const began = performance.now();
  const child = spawn("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], { stdio: inherit ? "inherit" : ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return new Promise<boolean>((done) =>
    child.once("close", (code, signal) => {
      const seconds = ((performance.now() - began) / 1000).toFixed(1);
      const status = code === 0 ? "passed" : `FAILED (${signal ?? `exit ${code}`})`;
      if (!inherit) process.stdout.write(`\n==> npm run ${script}: ${status} in ${seconds} s\n${output}`);
      else console.log(`\n==> ${script}: ${status} in ${seconds} s`);
      if (code !== 0) failed.push(script);
      done(code === 0);
    }),
  );
}

async function chain(steps: string[]) {
  for (const step of steps) if (!(await run(step))) return;
}

await Promise.all(checks.map(chain));
if (failed.length) {
  console.error(`\nnpm test: failed ${failed.join(", ")}; the emulator tests did not run.`);
  process.exit(1);
}
// `npm test -- <files or vitest options>` passes them on to vitest.
await run("test:emulators", true, process.argv.slice(2));
if (failed.length) process.exit(1);
