import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/server";

/** A URL or headers past the limits get a readable answer from the local server, never a reset. */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** Writes one raw request and reads whatever comes back until the server closes: the answer, or the error that ended it. */
function raw(request: string): Promise<{ text: string; error?: string }> {
  const { port } = new URL(server.url);
  return new Promise((done) => {
    const socket = connect(Number(port), "127.0.0.1");
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString("latin1")));
    socket.on("error", (error: NodeJS.ErrnoException) => done({ text, error: error.code ?? error.message }));
    socket.on("end", () => {
      socket.destroy();
      done({ text });
    });
    socket.write(request);
  });
}

const statusOf = (text: string) => Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1]);

describe("long requests", () => {
  it.each([17_000, 40_000])("a %i-byte URL answers 414 with a JSON reason, through fetch too", async (length) => {
    const path = `/api/students?q=${"a".repeat(length)}`;
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(414);
    expect(await res.json()).toMatchObject({ error: "uri_too_long" });
    const answer = await raw(`GET ${path} HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\n\r\n`);
    expect(answer.error).toBeUndefined();
    expect(statusOf(answer.text)).toBe(414);
  });

  it("a URL or headers past the parser's limit answer 431 with a JSON reason, not a reset", async () => {
    const longUrl = await raw(`GET /api/students?q=${"a".repeat(100_000)} HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\n\r\n`);
    expect(longUrl.error).toBeUndefined();
    expect(statusOf(longUrl.text)).toBe(431);
    expect(longUrl.text).toContain('"error":"headers_too_large"');
    const res = await fetch(`${server.url}/api/me`, { headers: { "x-filler": "b".repeat(100_000) } });
    expect(res.status).toBe(431);
    expect(await res.json()).toMatchObject({ error: "headers_too_large" });
  });

  it("a request line Node cannot read answers 400, not a reset", async () => {
    const answer = await raw(`GET /api/me HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nBad Header\r\n\r\n`);
    expect(answer.error).toBeUndefined();
    expect(statusOf(answer.text)).toBe(400);
  });

  it("a URL within the limit is served as usual", async () => {
    const res = await fetch(`${server.url}/api/students?q=${"a".repeat(15_000)}`);
    expect(res.status).toBe(401);
  });
});
