import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@fidelio/local/emulators/free-port";
import { startServer } from "@fidelio/local/server";
import { seedDemo } from "../support/demo-table";
import { emailsTo, mailUrl } from "../support/mail";

/**
 * DNS rebinding: the local app and the mailbox answer only the Host values they
 * serve. Raw HTTP to 127.0.0.1, the Host header set as a page on a rebound name would send it.
 */
interface Answer {
  status: number;
  text: string;
}

function send(url: string, host: string | undefined, options: { method?: string; body?: unknown } = {}): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string | number> = {};
  if (host !== undefined) headers.host = host;
  if (payload !== undefined) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  return new Promise((resolve, reject) => {
    // setHost false: with no host given, the request really carries none (as HTTP/1.0 clients may).
    const req = request(url, { method: options.method ?? "GET", headers, setHost: false, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let app: Awaited<ReturnType<typeof startServer>>;
let port: number;
beforeAll(async () => {
  await seedDemo();
  port = await freePort();
  app = await startServer(port);
});
afterAll(async () => {
  await app?.stop();
  delete process.env.APP_URL;
});

describe("the local app's Host rule", () => {
  const foreign = () => ["rebound.attacker.test", `rebound.attacker.test:${port}`, `127.0.0.1:${port + 1}`, `localhost.attacker.test:${port}`, `127.0.0.1`, ""];

  it("answers its own names with their port", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const answer = await send(`${app.url}/api/me`, host);
      expect({ host, status: answer.status }).toEqual({ host, status: 401 });
      expect((await send(`${app.url}/`, host)).status).toBe(200);
    }
  });

  it("refuses any other Host, or none, with 421 before any work: no sign-in code is sent", async () => {
    const email = "admin@demo.fidelio.test";
    const before = (await emailsTo(email)).length;
    for (const host of [...foreign(), undefined]) {
      for (const path of ["/api/me", "/", "/api/auth/start"]) {
        const answer = await send(`${app.url}${path}`, host, path === "/api/auth/start" ? { method: "POST", body: { email } } : {});
        // Node itself answers 400 to an HTTP/1.1 request with no Host at all; the guard, 421 to the rest.
        expect({ host, path, status: answer.status }).toEqual({ host, path, status: host === undefined ? 400 : 421 });
      }
    }
    await sleep(1_500);
    expect(await emailsTo(email)).toHaveLength(before);
    // The same request with its own name does send one: the refusal above was the Host alone.
    expect((await send(`${app.url}/api/auth/start`, `localhost:${port}`, { method: "POST", body: { email } })).status).toBe(202);
    for (let i = 0; i < 100 && (await emailsTo(email)).length === before; i++) await sleep(100);
    expect(await emailsTo(email)).toHaveLength(before + 1);
  });

  it("also answers APP_URL's host when one is configured, and nothing else besides", async () => {
    process.env.APP_URL = "https://fidelio.district.example";
    const other = await startServer(await freePort());
    try {
      expect((await send(`${other.url}/api/me`, "fidelio.district.example")).status).toBe(401);
      expect((await send(`${other.url}/api/me`, "fidelio.district.example:444")).status).toBe(421);
      expect((await send(`${other.url}/api/me`, "rebound.attacker.test")).status).toBe(421);
    } finally {
      await other.stop();
      delete process.env.APP_URL;
    }
    process.env.APP_URL = "not a url";
    await expect(startServer(await freePort())).rejects.toThrow(/APP_URL must be a URL/);
    delete process.env.APP_URL;
  });
});

describe("the local mailbox's Host rule", () => {
  const mailbox = () => mailUrl();
  const mailPort = () => new URL(mailbox()).port;

  it("shows its store to its own names, and to no other Host", async () => {
    for (const host of [`127.0.0.1:${mailPort()}`, `localhost:${mailPort()}`, `[::1]:${mailPort()}`]) {
      const answer = await send(`${mailbox()}/store?since=${Math.floor(Date.now() / 1000)}`, host);
      expect({ host, status: answer.status }).toEqual({ host, status: 200 });
      expect(JSON.parse(answer.text)).toHaveProperty("emails");
    }
    for (const host of ["rebound.attacker.test", `rebound.attacker.test:${mailPort()}`, `127.0.0.1:${Number(mailPort()) + 1}`, undefined]) {
      for (const [method, path] of [
        ["GET", "/store"],
        ["GET", "/"],
        ["POST", "/clear-store"],
      ] as const) {
        const answer = await send(`${mailbox()}${path}`, host, { method });
        expect({ host, path, status: answer.status }).toEqual({ host, path, status: host === undefined ? 400 : 421 });
        expect(answer.text).not.toContain("emails");
      }
    }
  });
});
