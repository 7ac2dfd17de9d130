import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * DNS rebinding: a web page on a name the attacker points at 127.0.0.1 reaches a local server with its
 * own name in `Host`. The browser treats the page and the server as one origin, so an origin check
 * alone cannot tell. A local server therefore answers only the host names it serves: the loopback
 * names with its port, and the host of APP_URL when one is configured (a name the install is reached
 * by, say through a proxy). Anything else gets 421 before any route, body or store is touched.
 */
const loopbackNames = ["localhost", "127.0.0.1", "[::1]"];

/** The `Host` values a local server on `port` answers; `appUrl` adds its host name (with `port` when `ownPort`). */
export function servedHosts(port: number, options: { appUrl?: string; ownPort?: boolean } = {}): Set<string> {
  const hosts = new Set(loopbackNames.map((name) => `${name}:${port}`));
  // A browser leaves out the port it implies.
  if (port === 80) for (const name of loopbackNames) hosts.add(name);
  const appUrl = options.appUrl ?? process.env.APP_URL;
  if (appUrl) {
    let url: URL;
    try {
      url = new URL(appUrl);
    } catch {
      throw new Error(`APP_URL must be a URL such as https://fidelio.example.org; it is "${appUrl}"`);
    }
    hosts.add(options.ownPort ? (port === 80 ? url.hostname : `${url.hostname}:${port}`) : url.host);
  }
  return hosts;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts the Host check in front of every request listener `server` has (an Express or Hono app's), so
 * that nothing of theirs runs for a foreign host. Call it before the server can accept a connection,
 * or in the same tick as it starts listening. The served hosts are worked out from the bound port.
 */
export function guardHost(server: Server, served: (port: number) => Set<string>) {
  const listeners = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  let hosts = new Set<string>();
  const bound = () => (hosts = served((server.address() as AddressInfo).port));
  if (server.listening) bound();
  else server.once("listening", bound);
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host?.toLowerCase();
    if (host === undefined || !hosts.has(host)) {
      req.resume();
      res.writeHead(421, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" });
      res.end("421 Misdirected Request: this local server does not answer that host name.\n");
      return;
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}
