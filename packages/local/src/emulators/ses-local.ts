import type { Server } from "node:http";
import sesLocalModule from "aws-ses-v2-local";
import { guardHost, servedHosts } from "../host-guard";
import { holdIdleConnections, type IdleHold } from "../keep-alive";

// A CommonJS module with `exports.default`: Node's ESM loader hands back the whole exports object,
// bundlers (vitest) hand back the function.
type Start = typeof sesLocalModule;
const sesLocal: Start = (sesLocalModule as unknown as { default?: Start }).default ?? sesLocalModule;

export interface SesLocal {
  endpoint: string;
  /** The captured-mail viewer and its JSON store (`/store`). */
  viewerUrl: string;
  stop(): Promise<void>;
}

/**
 * aws-ses-v2-local runs in this process and captures every email sent to its endpoint, on loopback
 * only. Its `/store` shows every sign-in code without asking who asks, so it answers only its own
 * host names (host-guard.ts): a rebound name gets 421 from the check put in front of its Express app.
 */
export async function startSesLocal(options: { port: number; idle?: IdleHold }): Promise<SesLocal> {
  const server: Server = await sesLocal({ host: "127.0.0.1", port: options.port });
  // As the app's server: Node's default (5 s, and 1 s of grace) closed connections a client was about to reuse.
  holdIdleConnections(server, options.idle);
  guardHost(server, (bound) => servedHosts(bound, { ownPort: true }));
  const endpoint = `http://127.0.0.1:${options.port}`;
  return {
    endpoint,
    viewerUrl: endpoint,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
