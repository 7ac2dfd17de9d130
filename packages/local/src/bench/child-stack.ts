import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { localDynamoCredentials } from "../dynamo-key";
import { freePort } from "../emulators/free-port";
import { localAuthSecret } from "../auth-secret";
import { rowProfiler, unprofiled } from "./profile";

/**
 * `npm start`'s stack in a child process on free ports and a throwaway data directory, so the load
 * generator in this process does not share an event loop with the server it measures.
 */
export async function startChildStack() {
  const [port, dynamoPort, mailPort, inspectorPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), "fidelio-bench-"));
  // BENCH_CPU_PROF=<dir>: the stack opens its inspector, through which the bench profiles each API row (profile.ts).
  const profile = process.env.BENCH_CPU_PROF ? [`--inspect=127.0.0.1:${inspectorPort}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", resolve(import.meta.dirname, "../start.ts")], {
    env: { ...process.env, PORT: String(port), DYNAMO_PORT: String(dynamoPort), MAIL_PORT: String(mailPort), DATA_DIR: dataDir, DYNAMO_IN_MEMORY: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((ready, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      if (out.includes("Fidelio is running")) ready();
    });
    child.once("exit", (code) => fail(new Error(`the local stack exited (${code}):\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    /** The child's sign-in secret: what this process needs to seal outbox emails the child can open. */
    authSecret: localAuthSecret(dataDir),
    /** The child's per-install DynamoDB key, for clients in this process. */
    credentials: localDynamoCredentials(dataDir),
    mailUrl: `http://127.0.0.1:${mailPort}`,
    /** The child's data directory (its AUTH_SECRET is there), removed at stop. */
    dataDir,
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    /** Profiles each row wrapped in it when BENCH_CPU_PROF names a directory (profile.ts); else runs the row as it is. */
    profiled: process.env.BENCH_CPU_PROF ? await rowProfiler(inspectorPort, resolve(process.env.BENCH_CPU_PROF)) : unprofiled,
    async stop() {
      await new Promise<void>((done) => {
        child.once("exit", () => done());
        child.kill("SIGTERM");
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
