import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { requireJava } from "./java";

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** AWS's DynamoDB Local, run with `java` from the jar that the npm package amplify-dynamodb-simulator ships. */
function emulatorDir() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("amplify-dynamodb-simulator/package.json")), "emulator");
}

export async function startDynamoLocal(options: { port: number; dataDir?: string }): Promise<DynamoLocal> {
  requireJava();
  const dir = emulatorDir();
  const storage = options.dataDir ? (mkdirSync(options.dataDir, { recursive: true }), ["-dbPath", options.dataDir]) : ["-inMemory"];
  const child = spawn(
    "java",
    [`-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`, "-jar", join(dir, "DynamoDBLocal.jar"), "-port", String(options.port), "-sharedDb", ...storage],
    // Its working directory receives a metadata file; keep that out of the checkout.
    { stdio: ["ignore", "ignore", "pipe"], cwd: options.dataDir ?? tmpdir() },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const endpoint = `http://127.0.0.1:${options.port}`;
  await waitUntilReady(endpoint, child, () => stderr);
  return { endpoint, stop: () => stopChild(child) };
}

async function waitUntilReady(endpoint: string, child: ChildProcess, stderr: () => string) {
  const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr()}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    child.kill("SIGKILL");
    throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s: ${stderr()}`);
  } finally {
    client.destroy();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => (clearTimeout(force), resolve()));
    child.kill("SIGTERM");
  });
}
