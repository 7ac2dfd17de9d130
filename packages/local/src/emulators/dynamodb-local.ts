import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { isAnswering } from "@fidelio/core/dynamo/tools";
import type { DynamoCredentials } from "../dynamo-key";
import { requireJava } from "./java";
import { compiledLauncher, launcherCacheRoot, launcherClass } from "./dynamodb-launcher";
import { dynamoLocalCpu, pinAllButCompilers } from "./cpu-affinity";

export interface DynamoLocal {
  endpoint: string;
  /** The emulator's process (Java's, once the shell has exec'd it). */
  pid: number;
  stop(): Promise<void>;
}

/** AWS's DynamoDB Local, run with `java` from the jar that the npm package amplify-dynamodb-simulator ships. */
const emulatorPackageJson = () => createRequire(import.meta.url).resolve("amplify-dynamodb-simulator/package.json");
const emulatorDir = () => join(dirname(emulatorPackageJson()), "emulator");

export interface DynamoLocalOptions {
  port: number;
  /** Where the data lives; none keeps it in memory. */
  dataDir?: string;
  /** The key clients use; the readiness probe uses it too, so no other key's database is made. */
  credentials: DynamoCredentials;
  /** The only origin whose pages may call it from a browser; by default none but its own address. */
  corsOrigin?: string;
  /** Used to name the database file, which is per key id and region. */
  region?: string;
  /** The CPU it runs on, or "any"; by default DYNAMO_LOCAL_CPU, else the last CPU (cpu-affinity.ts). */
  cpu?: string;
}

/**
 * Java's serial garbage collector. DynamoDB Local applies every write on one SQLite thread; the default
 * collector (G1) runs threads of its own beside it, which on a two-core machine take CPU from that
 * thread. The serial collector runs no threads of its own beside the application's, so the SQLite
 * thread keeps its CPU (figures: docs/benchmarks.md).
 */
const serialGc = "-XX:+UseSerialGC";

/**
 * Started through LoopbackDynamoDbLocal.java (compiled once, dynamodb-launcher.ts; run with the jar on
 * the class path): the jar alone listens on every interface and has no option to do otherwise, and it checks
 * only a request's key id, not its signature; the launcher binds it to 127.0.0.1, so nothing off this
 * machine reaches it. No -sharedDb: each access key id gets its own database, so only holders of the
 * key see the data. CORS is limited (its default admits every web page in the user's browser); no telemetry.
 */

export async function startDynamoLocal(options: DynamoLocalOptions): Promise<DynamoLocal> {
  requireJava();
  const dir = emulatorDir();
  if (options.dataDir) prepareDataDir(options.dataDir, options.credentials.accessKeyId, options.region ?? "us-east-1");
  const storage = options.dataDir ? ["-dbPath", options.dataDir] : ["-inMemory"];
  const endpoint = `http://127.0.0.1:${options.port}`;
  const cors = options.corsOrigin ?? endpoint;
  const cpu = dynamoLocalCpu(options.cpu);
  const classPath = [join(dir, "DynamoDBLocal.jar"), join(dir, "DynamoDBLocal_lib", "*")].join(delimiter);
  const launcherDir = await compiledLauncher(classPath, launcherCacheRoot(emulatorPackageJson()));
  // Through sh for `umask 077`: the files Java creates later are then the owner's alone too.
  const child = spawn(
    "sh",
    [
      "-c",
      'umask 077 && exec java "$@"',
      "sh",
      serialGc,
      `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
      "-cp",
      [launcherDir, classPath].join(delimiter),
      launcherClass,
      "-port",
      String(options.port),
      "-cors",
      cors,
      "-disableTelemetry",
      ...storage,
    ],
    // Its working directory receives a metadata file; keep that out of the checkout.
    { stdio: ["ignore", "ignore", "pipe"], cwd: options.dataDir ?? tmpdir() },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  await waitUntilReady(endpoint, options.credentials, options.region ?? "us-east-1", child, () => stderr);
  // After start-up, so every thread it has is there; threads it starts later inherit their starter's CPU.
  if (cpu !== undefined) pinAllButCompilers(child.pid!, cpu);
  return { endpoint, pid: child.pid!, stop: () => stopChild(child) };
}

/** Owner-only access to the data; a database from the old shared mode becomes this key's. */
function prepareDataDir(dataDir: string, accessKeyId: string, region: string) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const shared = join(dataDir, "shared-local-instance.db");
  const mine = join(dataDir, `${accessKeyId}_${region}.db`);
  if (existsSync(shared) && !existsSync(mine)) renameSync(shared, mine);
  for (const name of readdirSync(dataDir)) chmodSync(join(dataDir, name), 0o600);
}

async function waitUntilReady(endpoint: string, credentials: DynamoCredentials, region: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr()}`);
    if (await isAnswering({ endpoint, region, credentials })) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s: ${stderr()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => (clearTimeout(force), resolve()));
    child.kill("SIGTERM");
  });
}
