import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@fidelio/local/emulators/free-port";
import { signInOverHttp } from "@fidelio/local/sign-in-over-http";
import { copyDemoTemplate, demoTemplate } from "../support/demo-template";
import { shellEnv, startNpmStart, startScript } from "../support/npm-start";
import { isLoopback, listeningSocketsOf } from "../support/listening";

/** `npm start`'s entry point as a real process: data on disk, Ctrl-C, restart, missing Java. */
const dataDir = mkdtempSync(join(tmpdir(), "fidelio-start-"));
// The web app is built here rather than in web/dist, which other files' servers read meanwhile.
const webDir = mkdtempSync(join(tmpdir(), "fidelio-start-web-"));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(webDir, { recursive: true, force: true });
});

const start = (env: Record<string, string>) => startNpmStart(env);

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });

/** The data directory, the database's files, its key and the sign-in secret are the owner's alone. */
function expectOwnersFiles(dir: string) {
  const keyFile = join(dir, "dynamodb-key");
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  expect(statSync(join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
  expect(statSync(dir).mode & 0o077).toBe(0);
  const dataFiles = readdirSync(join(dir, "dynamodb"));
  expect(dataFiles.length).toBeGreaterThan(0);
  for (const name of dataFiles) expect(statSync(join(dir, "dynamodb", name)).mode & 0o077).toBe(0);
}

/** The database answers only to this install's key, to no other web origin, and its files are the owner's. */
async function expectClosedDatabase(dir: string, endpoint: string, appOrigin: string) {
  expectOwnersFiles(dir);
  const keyFile = join(dir, "dynamodb-key");
  const tables = async (credentials: { accessKeyId: string; secretAccessKey: string }) => {
    const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials });
    try {
      return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
    } finally {
      client.destroy();
    }
  };
  const names = await tables(JSON.parse(readFileSync(keyFile, "utf8")));
  expect(names).toContain("fidelio");
  expect(names).toContain("fidelio-outbox");
  expect(await tables({ accessKeyId: "local", secretAccessKey: "local" })).toEqual([]);
  const preflight = (origin: string) =>
    fetch(endpoint, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type,x-amz-target" },
    });
  expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  expect((await preflight(appOrigin)).headers.get("access-control-allow-origin")).toBe(appOrigin);
}

describe("npm start", () => {
  // The run's one cold seed: `npm start` on an empty data directory, which the other `npm start` files
  // then copy (test/support/demo-template.ts). Built here when this file is the first to ask.
  it("seeds the demo district on a fresh data directory, with files only the owner can read", async () => {
    const template = await demoTemplate();
    expect(template.output).toContain("tables created, demo district seeded");
    expect(template.output).toContain("parent2@demo.fidelio.test");
    // Progress while it starts and seeds, before the banner.
    const banner = template.output.indexOf("Fidelio is running");
    for (const step of ["starting DynamoDB Local", "seeding demo district"]) {
      expect(template.output.indexOf(step)).toBeGreaterThanOrEqual(0);
      expect(template.output.indexOf(step)).toBeLessThan(banner);
    }
    expectOwnersFiles(template.dataDir);
  }, 400_000);

  it("keeps data across Ctrl-C and restart without seeding again, and stops every child process", async () => {
    const ports = { PORT: String(await freePort()), DYNAMO_PORT: String(await freePort()), MAIL_PORT: String(await freePort()) };
    // An install seeded before: the first start here builds the web app and keeps the data.
    const { clockEnv } = await copyDemoTemplate(dataDir);
    const env = { ...ports, ...clockEnv, DATA_DIR: dataDir, WEB_DIST: webDir };
    const app = `http://127.0.0.1:${ports.PORT}`;
    const mail = `http://127.0.0.1:${ports.MAIL_PORT}`;

    const first = await start(env);
    let token = "";
    let settings: Record<string, any> = {};
    try {
      expect(first.output()).toContain("tables kept");
      expect(first.output()).not.toContain("demo district seeded");
      expect(first.output()).toContain("parent2@demo.fidelio.test");
      // Progress while it builds and starts, before the banner.
      const banner = first.output().indexOf("Fidelio is running");
      for (const step of ["building web", "starting DynamoDB Local", "seeding demo district"]) {
        expect(first.output().indexOf(step)).toBeGreaterThanOrEqual(0);
        expect(first.output().indexOf(step)).toBeLessThan(banner);
      }
      // What the web build prints is what a new user reads: no stray report from a plugin.
      expect(existsSync(join(webDir, "index.html"))).toBe(true);
      expect(first.output()).not.toContain("PLUGIN_TIMINGS");
      await expectClosedDatabase(dataDir, `http://127.0.0.1:${ports.DYNAMO_PORT}`, app);
      // Every socket the stack listens on (Node's and Java's) is bound to loopback: the app, the
      // mailbox and DynamoDB Local, and nothing else. Read from /proc; nothing is sent anywhere.
      const sockets = listeningSocketsOf(first.child.pid!);
      expect(new Set(sockets.map((socket) => socket.port))).toEqual(new Set([ports.PORT, ports.DYNAMO_PORT, ports.MAIL_PORT].map(Number)));
      expect(sockets.filter((socket) => !isLoopback(socket.address))).toEqual([]);
      token = await signInOverHttp(app, mail, "admin@demo.fidelio.test");
      settings = (await (await fetch(`${app}/api/admin/district`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, any>;
      const put = await fetch(`${app}/api/admin/district`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({
          calendar: settings.calendar,
          deadlines: { ...settings.deadlines, teacher: 4 },
          fidelityGraceDays: 3,
          version: settings.version,
        }),
      });
      expect(put.status).toBe(200);
    } catch (error) {
      // A failed check must not leave the stack (and its Java child) running.
      first.child.kill("SIGINT");
      await first.exited;
      throw error;
    }
    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    expect(await portOpen(Number(ports.DYNAMO_PORT))).toBe(false);
    expect(await portOpen(Number(ports.PORT))).toBe(false);

    // The restart is about the data: it serves the build the first start made.
    const second = await start({ ...env, SKIP_WEB_BUILD: "1" });
    try {
      expect(second.output()).toContain("tables kept");
      expect(second.output()).not.toContain("demo district seeded");
      // The session, the secret that hashes codes and the edited settings all survived.
      const again = (await (await fetch(`${app}/api/admin/district`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, any>;
      expect(again).toMatchObject({ deadlines: { teacher: 4 }, fidelityGraceDays: 3, version: settings.version + 1 });
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 400_000);

  it("stops at once with the install command when Java is missing", async () => {
    const bin = join(dataDir, "bin-without-java");
    mkdirSync(bin, { recursive: true });
    symlinkSync(process.execPath, join(bin, "node"));
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", startScript], {
      env: { ...shellEnv, PATH: bin },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr!.on("data", (chunk) => (output += chunk));
    const code = await new Promise((done) => child.once("exit", done));
    expect(code).toBe(1);
    expect(output).toContain("Java was not found");
    expect(output).toContain("apt-get install -y openjdk-17-jre-headless");
  }, 120_000);
});
