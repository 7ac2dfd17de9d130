import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { createMiddleware } from "hono/factory";

const lingerMs = 2_000;
const lingerBytes = 64 * 1024 * 1024;

/**
 * An answer sent before the request body has fully arrived (413, 401, 400 on a bad content type)
 * closes the connection: otherwise a client may reuse it while the rest of the body is still owed,
 * and the server, out of step, drops the next request. The close lingers, as Apache's does: stop
 * writing, keep reading and discarding for a moment, so a client still uploading reads the answer
 * instead of a reset.
 */
export const closeAfterEarlyAnswer = createMiddleware<{ Bindings: { incoming: IncomingMessage } }>(async (c, next) => {
  await next();
  const incoming = c.env?.incoming;
  if (!incoming || incoming.complete) return;
  c.res.headers.set("Connection", "close");
  lingerOnClose(incoming.socket);
});

function lingerOnClose(socket: Socket) {
  // Node calls destroySoon once a `Connection: close` answer is written.
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    let bytes = 0;
    const timer = setTimeout(() => this.destroy(), lingerMs);
    timer.unref();
    this.on("data", (chunk: Buffer) => ((bytes += chunk.length) > lingerBytes ? this.destroy() : undefined));
    this.once("close", () => clearTimeout(timer));
    this.resume();
  };
}
