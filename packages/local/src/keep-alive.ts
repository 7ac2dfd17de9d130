import type { Server } from "node:http";

export interface IdleHold {
  /** Announced in every answer (`Keep-Alive: timeout=65`): how long a client may leave a connection idle and reuse it. */
  announcedMs: number;
  /** How much longer the server actually keeps an idle connection open. */
  graceMs: number;
}

/**
 * How long the local servers (the app and the mailbox) keep an idle keep-alive connection.
 *
 * A connection that the server closes just as the client sends its next request on it drops that
 * request (the client reads ECONNRESET or "other side closed"). Clients avoid it by giving up an idle
 * connection before the time the server announces: Node's fetch (undici) one second before. Node's
 * server holds it one second past the announcement. Two seconds are less than a busy machine can
 * delay the client's timer, and a connection can sit idle that long: in a 12,000-request fuzz run one
 * sat 45 s in the client's pool before its next request. So the server holds it 30 s past what it
 * announces. 65 s is what load balancers use.
 */
export const idleConnections: IdleHold = { announcedMs: 65_000, graceMs: 30_000 };

/** Applies `hold` to `server`; call it before the server accepts connections (the grace is read per connection). */
export function holdIdleConnections(server: Server, hold: IdleHold = idleConnections) {
  server.keepAliveTimeout = hold.announcedMs;
  server.keepAliveTimeoutBuffer = hold.graceMs;
}
