import { request, Agent, type IncomingMessage } from "node:http";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rosterLimits } from "@fidelio/core/roster";
import { webDist } from "@fidelio/local/server";
import { signIn } from "../support/api";
import { startTestServer } from "../support/server";

/** HTTP-level behaviour of the real node server: methods, body limits, origins, static delivery. */
let server: Awaited<ReturnType<typeof startTestServer>>;
const tokens = {} as Record<"admin" | "parent", string>;
beforeAll(async () => {
  server = await startTestServer();
  // Through the app in this process, reading only this file's mail (other files sign the same people in meanwhile).
  tokens.admin = await signIn("admin@demo.fidelio.test");
  tokens.parent = await signIn("parent@demo.fidelio.test");
});
afterAll(() => server?.stop());

interface Answer {
  status: number;
  headers: IncomingMessage["headers"];
  body: Buffer;
  reusedSocket: boolean;
}

type Feeder = (write: (chunk: Buffer) => void, end: () => void, answered: () => boolean) => void;

/**
 * One request with exactly these headers (fetch would add or refuse some). A `Feeder` body streams
 * until the server answers; a write error after the answer (the server closed on purpose) is ignored.
 */
function send(method: string, path: string, headers: Record<string, string | number> = {}, body?: string | Buffer | Feeder, agent?: Agent): Promise<Answer> {
  return new Promise((done, fail) => {
    let answered = false;
    const req = request(`${server.url}${path}`, { method, headers, agent }, (res) => {
      answered = true;
      // A streamed body is cut off once the server has answered.
      if (typeof body === "function") res.once("end", () => req.destroy());
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), reusedSocket: req.reusedSocket }));
      res.on("error", fail);
    });
    req.on("error", (error) => !answered && setTimeout(() => !answered && fail(error), 500));
    if (typeof body === "function") {
      body(
        (chunk) => void (!req.destroyed && req.write(chunk)),
        () => req.end(),
        () => answered || req.destroyed,
      );
    } else req.end(body);
  });
}

/** Writes `chunk` over and over, keeping up with the socket, until the server answers; counts the bytes. */
const endless =
  (chunk: Buffer, sent: { bytes: number }, first?: Buffer): Feeder =>
  (write, _end, answered) => {
    if (first) write(first);
    const pump = () => {
      if (answered() || sent.bytes > 400 * 1024 * 1024) return;
      for (let i = 0; i < 4; i++) (sent.bytes += chunk.length), write(chunk);
      setTimeout(pump, 2);
    };
    pump();
  };

describe("methods the static site does not serve", () => {
  it("OPTIONS / gets a complete answer and the connection stays usable", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const options = await send("OPTIONS", "/", {}, undefined, agent);
      expect(options.status).toBe(405);
      expect(options.headers.allow).toBe("GET, HEAD");
      expect(Number(options.headers["content-length"] ?? 0)).toBe(options.body.length);
      const next = await send("GET", "/", {}, undefined, agent);
      expect(next.status).toBe(200);
      expect(next.reusedSocket).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});

describe("request size limits", () => {
  it("answers 413 to a 300 MB Content-Length on sign-in before reading it", async () => {
    const sent = { bytes: 0 };
    const answer = await send(
      "POST",
      "/api/auth/start",
      { "content-type": "application/json", "content-length": 300 * 1024 * 1024 },
      endless(Buffer.alloc(64 * 1024, 32), sent),
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ error: "too_large" });
    expect(sent.bytes).toBeLessThan(50 * 1024 * 1024);
  });

  it("answers 413 to a chunked body past the JSON limit, while reading it", async () => {
    const sent = { bytes: 0 };
    const answer = await send(
      "POST",
      "/api/auth/start",
      { "content-type": "application/json", "transfer-encoding": "chunked" },
      endless(Buffer.alloc(64 * 1024, 32), sent),
    );
    expect(answer.status).toBe(413);
    expect(sent.bytes).toBeLessThan(50 * 1024 * 1024);
  });

  it("holds a chunked roster upload to the roster's own limit", async () => {
    const sent = { bytes: 0 };
    const boundary = "fuzzboundary";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="users.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    const answer = await send(
      "POST",
      "/api/admin/roster",
      { authorization: `Bearer ${tokens.admin}`, "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked" },
      endless(Buffer.alloc(256 * 1024, 97), sent, head),
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body.toString()).message).toContain(`${rosterLimits.bytes / 1024 / 1024} MB`);
    expect(sent.bytes).toBeGreaterThan(rosterLimits.bytes * 0.9);
    expect(sent.bytes).toBeLessThan(rosterLimits.bytes + 100 * 1024 * 1024);
  });

  it("closes the connection after answering before the body arrived, so no later request is dropped", async () => {
    const big = JSON.stringify({ email: "A".repeat(200_000) });
    const dropped: string[] = [];
    for (let i = 0; i < 40; i++) {
      for (const [name, init] of [
        ["oversized", { method: "POST", headers: { "content-type": "application/json" }, body: big }],
        ["small", { method: "POST", headers: { "content-type": "application/json" }, body: '{"email":"nobody@example.test"}' }],
        ["get", { method: "GET" }],
      ] as const) {
        try {
          const res = await fetch(`${server.url}${name === "get" ? "/" : "/api/auth/start"}`, init);
          await res.arrayBuffer();
          if (name === "oversized") expect(res.headers.get("connection")).toBe("close");
        } catch (error) {
          dropped.push(`${i} ${name}: ${String((error as Error).cause ?? error)}`);
        }
      }
    }
    expect(dropped).toEqual([]);
  });

  it("still takes a small chunked JSON body", async () => {
    const answer = await send("POST", "/api/auth/start", { "content-type": "application/json", "transfer-encoding": "chunked" }, (write, end) => {
      write(Buffer.from('{"email":"nobody@'));
      setTimeout(() => (write(Buffer.from('example.test"}')), end()), 5);
    });
    expect(answer.status).toBe(202);
  });
});

describe("requests from other sites", () => {
  const evil = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
  const cookie = () => ({ cookie: `fidelio_session=${tokens.parent}` });

  it("refuses a cookie-authenticated text/plain signout from another origin, and the session survives", async () => {
    const answer = await send("POST", "/api/auth/signout", { ...cookie(), ...evil, "content-type": "text/plain" }, "x");
    expect(answer.status).toBe(403);
    expect((await send("GET", "/api/me", cookie())).status).toBe(200);
  });

  it("refuses a cookie-authenticated multipart roster upload from another origin", async () => {
    const form = '--b\r\nContent-Disposition: form-data; name="files"; filename="users.csv"\r\n\r\nx\r\n--b--\r\n';
    const admin = { cookie: `fidelio_session=${tokens.admin}` };
    const answer = await send(
      "POST",
      "/api/admin/roster",
      { ...admin, origin: "https://evil.example", "content-type": "multipart/form-data; boundary=b" },
      form,
    );
    expect(answer.status).toBe(403);
    const bySite = await send("PUT", "/api/admin/district", { ...admin, "sec-fetch-site": "same-site", "content-type": "application/json" }, "{}");
    expect(bySite.status).toBe(403);
  });

  it("refuses sign-in from another origin", async () => {
    const json = { "content-type": "application/json" };
    expect((await send("POST", "/api/auth/start", { ...evil, ...json }, '{"email":"parent@demo.fidelio.test"}')).status).toBe(403);
    expect((await send("POST", "/api/auth/verify", { ...evil, ...json }, '{"email":"parent@demo.fidelio.test","code":"123456"}')).status).toBe(403);
    expect((await send("POST", "/api/auth/start", { origin: "null", ...json }, '{"email":"parent@demo.fidelio.test"}')).status).toBe(403);
  });

  it("lets the app's own pages, Bearer clients and scripts through", async () => {
    const json = { "content-type": "application/json" };
    const body = '{"email":"nobody@example.test"}';
    expect((await send("POST", "/api/auth/start", { origin: server.url, ...json }, body)).status).toBe(202);
    expect((await send("POST", "/api/auth/start", { "sec-fetch-site": "same-origin", ...json }, body)).status).toBe(202);
    expect((await send("POST", "/api/auth/start", json, body)).status).toBe(202);
    // Bearer requests are not a browser acting on its own; a foreign Origin does not change them.
    const bearer = await send("PUT", "/api/admin/district", { authorization: `Bearer ${tokens.admin}`, ...evil, ...json }, "{}");
    expect(bearer.status).toBe(400);
  });
});

describe("district settings", () => {
  it("answers 403 to a parent before looking at the body", async () => {
    const answer = await send("PUT", "/api/admin/district", { authorization: `Bearer ${tokens.parent}`, "content-type": "application/json" }, '{"calendar":1}');
    expect(answer.status).toBe(403);
  });
});

describe("static delivery", () => {
  // The largest script: files under 1 KB (a page's words in one language) are sent as they are.
  const script = readdirSync(join(webDist, "assets"))
    .filter((f) => f.endsWith(".js"))
    .sort((a, b) => statSync(join(webDist, "assets", b)).size - statSync(join(webDist, "assets", a)).size)[0]!;
  const plain = readFileSync(join(webDist, "assets", script));

  it("sends hashed assets with brotli or gzip and a year-long immutable cache", async () => {
    const br = await send("GET", `/assets/${script}`, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toContain("immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(plain.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true);
    const gz = await send("GET", `/assets/${script}`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);
    const identity = await send("GET", `/assets/${script}`);
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
  });

  it("revalidates the app shell and answers 404 for a missing asset", async () => {
    const shell = await send("GET", "/students/anything", { "accept-encoding": "br" });
    expect(shell.status).toBe(200);
    expect(shell.headers["cache-control"]).toBe("no-cache");
    const missing = await send("GET", "/assets/missing-abc123.js");
    expect(missing.status).toBe(404);
    expect(missing.headers["cache-control"] ?? "").not.toContain("immutable");
  });
});
