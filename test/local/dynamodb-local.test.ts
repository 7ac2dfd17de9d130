import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { Config } from "@fidelio/core/config";
import { startDynamoLocal } from "@fidelio/local/emulators/dynamodb-local";
import { allowedCpus, dynamoLocalCpu, isCompilerThread } from "@fidelio/local/emulators/cpu-affinity";
import { freePort } from "@fidelio/local/emulators/free-port";
import { randomDynamoCredentials } from "@fidelio/local/dynamo-key";
import { isLoopback, listeningSocketsOf } from "../support/listening";

/** Exposure of the DynamoDB Local this run uses (the same start code as `npm start`). */
const endpoint = inject("dynamoEndpoint");
const tablesWith = async (credentials: { accessKeyId: string; secretAccessKey: string }, at = endpoint) => {
  const client = new DynamoDBClient({ endpoint: at, region: "us-east-1", credentials });
  try {
    return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    client.destroy();
  }
};

describe("DynamoDB Local", () => {
  it("shows a client with other credentials no Fidelio table", async () => {
    expect(await tablesWith(inject("dynamoCredentials"))).toContain(Config.tableName());
    expect(await tablesWith({ accessKeyId: "local", secretAccessKey: "local" })).toEqual([]);
    expect(await tablesWith({ accessKeyId: "fakeMyKeyId", secretAccessKey: "fakeSecretAccessKey" })).toEqual([]);
  });

  it("refuses a preflight from another origin", async () => {
    const preflight = (origin: string) =>
      fetch(endpoint, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type,x-amz-target" },
      });
    const evil = await preflight("https://evil.example");
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    // Its own address is the one origin allowed, which shows the header is given when it should be.
    const own = await preflight(endpoint);
    expect(own.headers.get("access-control-allow-origin")).toBe(endpoint);
  });
});

/** DynamoDB Local runs on one CPU but for its JIT compilers (emulators/cpu-affinity.ts). */
describe("DynamoDB Local's CPU", () => {
  const cpusOf = (path: string) => /^Cpus_allowed_list:\s*(.+)$/m.exec(readFileSync(`${path}/status`, "utf8"))?.[1];
  /** Each thread's name and the CPUs it may run on. */
  const threadsOf = (pid: number) =>
    readdirSync(`/proc/${pid}/task`).map((tid) => ({
      name: readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim(),
      cpus: cpusOf(`/proc/${pid}/task/${tid}`),
    }));
  const started = async (cpu?: string) => startDynamoLocal({ port: await freePort(), credentials: randomDynamoCredentials(), cpu });

  it("runs on the last CPU this process may use, its JIT compilers excepted, unless told otherwise", async () => {
    const mine = allowedCpus();
    const all = cpusOf("/proc/self");
    const pinned = await started();
    try {
      // It answers, and only on that CPU: its request and SQLite threads are there.
      expect(await tablesWith(inject("dynamoCredentials"), pinned.endpoint)).toEqual([]);
      // It listens on its port on loopback only (judged from the bound address; nothing sent elsewhere).
      const sockets = listeningSocketsOf(pinned.pid);
      expect(sockets.map((socket) => socket.port)).toEqual([Number(new URL(pinned.endpoint).port)]);
      expect(sockets.filter((socket) => !isLoopback(socket.address))).toEqual([]);
      const threads = threadsOf(pinned.pid);
      const [compilers, others] = [threads.filter((t) => isCompilerThread(t.name)), threads.filter((t) => !isCompilerThread(t.name))];
      expect(compilers.length).toBeGreaterThan(0);
      expect(others.map((t) => t.name)).toContain("SQLiteQueue[]");
      expect(new Set(others.map((t) => t.cpus))).toEqual(new Set([String(mine.at(-1))]));
      expect(new Set(compilers.map((t) => t.cpus))).toEqual(new Set([all]));
    } finally {
      await pinned.stop();
    }
    const free = await started("any");
    try {
      expect(new Set(threadsOf(free.pid).map((t) => t.cpus))).toEqual(new Set([all]));
    } finally {
      await free.stop();
    }
  }, 180_000); // two DynamoDB Local starts: about 35 s each on a loaded two-core machine (with or without the loopback launcher)

  it("refuses a DYNAMO_LOCAL_CPU that is not one of this process's CPUs", () => {
    expect(() => dynamoLocalCpu("x")).toThrow(/DYNAMO_LOCAL_CPU must be one of this process's CPUs/);
    expect(() => dynamoLocalCpu(String(Math.max(...allowedCpus()) + 1))).toThrow(/DYNAMO_LOCAL_CPU/);
    expect(dynamoLocalCpu("any")).toBeUndefined();
    expect(allowedCpus("Name:\tx\nCpus_allowed_list:\t0-2,5\n")).toEqual([0, 1, 2, 5]);
  });
});
