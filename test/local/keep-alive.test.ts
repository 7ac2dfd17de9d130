import type { Server } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "@fidelio/local/emulators/free-port";
import { startSesLocal } from "@fidelio/local/emulators/ses-local";
import { idleConnections, type IdleHold } from "@fidelio/local/keep-alive";
import { startServer } from "@fidelio/local/server";

/**
 * Idle keep-alive connections of the local app and mailbox: a client that reuses one a little after
 * the time the server announced (its timer ran late on a busy machine) is answered, never dropped.
 * With Node's default grace of 1 s past the announcement, such a request met the server's close: the
 * fuzz's one dropped request, and a reset reading a just-started mailbox.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One raw connection, kept open between requests, as a keep-alive client keeps it. */
function keptConnection(url: string) {
  const { port, host } = new URL(url);
  const socket = connect(Number(port), "127.0.0.1");
  let received = "";
  let closed = false;
  socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
  socket.on("close", () => (closed = true));
  // A write after the server closed: what a dropped request looks like here.
  socket.on("error", () => (closed = true));
  // A response follows the previous body directly, with no line break between.
  const answers = () => received.match(/HTTP\/1\.1 \d{3} /g)?.length ?? 0;
  return {
    /** "answered", or "closed" when the server closed the connection instead. */
    async get(path: string) {
      const before = answers();
      if (!closed) socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      for (const end = Date.now() + 10_000; answers() === before && !closed && Date.now() < end; ) await sleep(20);
      return answers() > before ? "answered" : "closed";
    },
    announced: () => /^keep-alive: timeout=(\d+)/im.exec(received)?.[1],
    close: () => socket.destroy(),
  };
}

/** An announced second and the grace under test: a request after 3 s idle is 2 s late. */
const lateBy2s = (graceMs: number): IdleHold => ({ announcedMs: 1_000, graceMs });

const servers = {
  app: async (idle?: IdleHold) => {
    const started = await startServer(await freePort(), { idle });
    return { url: started.url, path: "/api/me", server: started.server as Server, stop: started.stop };
  },
  mailbox: async (idle?: IdleHold) => {
    const port = await freePort();
    const started = await startSesLocal({ port, idle });
    return { url: started.endpoint, path: "/store", server: undefined, stop: started.stop };
  },
};

describe.each(Object.entries(servers))("the local %s's idle connections", (_name, start) => {
  it("are announced as 65 s and held 30 s past that", async () => {
    const server = await start();
    const connection = keptConnection(server.url);
    try {
      expect(await connection.get(server.path)).toBe("answered");
      expect(connection.announced()).toBe(String(idleConnections.announcedMs / 1000));
      expect(idleConnections.graceMs).toBeGreaterThanOrEqual(30_000);
      if (server.server) expect(server.server.keepAliveTimeoutBuffer).toBe(idleConnections.graceMs);
    } finally {
      connection.close();
      await server.stop();
    }
  });

  it("answer a request sent seconds after the announced time, as a late client sends it", async () => {
    const server = await start(lateBy2s(idleConnections.graceMs));
    const connection = keptConnection(server.url);
    try {
      expect(await connection.get(server.path)).toBe("answered");
      expect(connection.announced()).toBe("1");
      await sleep(3_000);
      expect(await connection.get(server.path)).toBe("answered");
    } finally {
      connection.close();
      await server.stop();
    }
  });

  it("with Node's own grace of 1 s, the same late request finds the connection closed (what this guards against)", async () => {
    const server = await start(lateBy2s(1_000));
    const connection = keptConnection(server.url);
    try {
      expect(await connection.get(server.path)).toBe("answered");
      await sleep(3_000);
      expect(await connection.get(server.path)).toBe("closed");
    } finally {
      connection.close();
      await server.stop();
    }
  });
});
