import type { Server } from "node:http";
import type { Socket } from "node:net";
import { createMiddleware } from "hono/factory";

/** Longest URL (path and query) the app answers; past it, 414. Fidelio's own URLs stay far below. */
export const maxUrlBytes = 16 * 1024;
/** What Node's parser accepts for the request line and headers together: room for a 414 on a long URL. */
export const maxHeaderBytes = 64 * 1024;

/** A URL over `maxUrlBytes` answers a readable 414 before any route runs. */
export const refuseLongUrls = createMiddleware(async (c, next) => {
  const url = new URL(c.req.url);
  if (Buffer.byteLength(url.pathname + url.search) > maxUrlBytes) {
    return c.json({ error: "uri_too_long", message: `The URL is over the limit of ${maxUrlBytes / 1024} KB.` }, 414, { Connection: "close" });
  }
  await next();
});

const answer = (status: number, reason: string, code: string, message: string) => {
  const body = JSON.stringify({ error: code, message });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
};

/**
 * Requests Node cannot parse (headers past `maxHeaderBytes`, a malformed request line) get a written
 * answer, 431 or 400, instead of a reset: the answer is written, the sending side closed, and what the
 * client still sends is read and dropped for a moment, so it reads the answer rather than an RST.
 */
export function answerUnparsableRequests(server: Server) {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === "ECONNRESET") return void socket.destroy();
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    socket.end(
      tooLarge
        ? answer(431, "Request Header Fields Too Large", "headers_too_large", `The request line and headers are over the limit of ${maxHeaderBytes / 1024} KB.`)
        : answer(400, "Bad Request", "bad_request", "The request could not be read as HTTP."),
    );
    const timer = setTimeout(() => socket.destroy(), 2_000);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
    socket.on("data", () => undefined);
    socket.resume();
  });
}
