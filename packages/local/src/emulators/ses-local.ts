import type { Server } from "node:http";
import sesLocal from "aws-ses-v2-local";

export interface SesLocal {
  endpoint: string;
  /** The captured-mail viewer and its JSON store (`/store`). */
  viewerUrl: string;
  stop(): Promise<void>;
}

/** aws-ses-v2-local runs in this process and captures every email sent to its endpoint. */
export async function startSesLocal(options: { port: number }): Promise<SesLocal> {
  const server: Server = await sesLocal({ host: "127.0.0.1", port: options.port });
  const endpoint = `http://127.0.0.1:${options.port}`;
  return {
    endpoint,
    viewerUrl: endpoint,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
