import type { Server } from "node:http";
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { app } from "@fidelio/functions/api/app";
import { closeAfterEarlyAnswer } from "./early-answer";
import { guardHost, servedHosts } from "./host-guard";
import { holdIdleConnections, type IdleHold } from "./keep-alive";
import { answerUnparsableRequests, maxHeaderBytes, refuseLongUrls } from "./request-limits";
import { staticDelivery } from "./static-assets";
import { contentSecurityPolicy } from "@fidelio/infra/web-policy";
import { webDist } from "./web-dist";

export { webDist };

/** The same API app the Lambda wraps, plus the built web app, on @hono/node-server. */
export function localApp() {
  if (!existsSync(resolve(webDist, "index.html"))) {
    throw new Error(`The web app is not built (${webDist}). Run: npm run build:web`);
  }
  const root = relative(process.cwd(), webDist) || ".";
  return (
    new Hono()
      .use("/*", closeAfterEarlyAnswer)
      .use("/*", refuseLongUrls)
      .use("/*", secureHeaders())
      // No third-party anything: scripts, styles, images and connections only from this origin (the list CloudFront
      // sends too), on every response that brings no policy of its own (the evidence packet brings a stricter one).
      .use("/*", async (c, next) => {
        await next();
        if (!c.res.headers.has("Content-Security-Policy")) c.res.headers.set("Content-Security-Policy", contentSecurityPolicy);
      })
      .route("/", app)
      .all("/api/*", (c) => c.json({ error: "not_found", message: "No such API route" }, 404))
      // The web app is static: GET and HEAD only; other methods get a complete 405, connection kept.
      .on(["GET", "HEAD"], "/*", staticDelivery, serveStatic({ root }))
      // A hashed asset that is not there is a 404, never the app shell under a year-long cache header.
      .on(["GET", "HEAD"], "/assets/*", (c) => c.text("Not found", 404))
      // Client-side routes (/students/…) get the app shell.
      .on(["GET", "HEAD"], "/*", serveStatic({ root, path: "index.html" }))
      .all("/*", (c) => c.body(null, 405, { Allow: "GET, HEAD" }))
  );
}

/** The address this process set as APP_URL (a later local server replaces it; one set by the person stays). */
let ownUrl: string | undefined;

/** Links in emails lead to this app at `url`, unless APP_URL names a public address (a proxy in front of it). */
export function linkEmailsTo(url: string) {
  if (process.env.APP_URL === undefined || process.env.APP_URL === ownUrl) process.env.APP_URL = ownUrl = url;
}

/** `idle`: how long idle connections are kept (keep-alive.ts); tests shorten it to see past it quickly. */
export function startServer(port: number, options: { idle?: IdleHold } = {}): Promise<{ url: string; server: ServerType; stop(): Promise<void> }> {
  return new Promise((done) => {
    servedHosts(port); // a malformed APP_URL stops the start here (a rejection), with its message
    const server = serve({ fetch: localApp().fetch, port, hostname: "127.0.0.1", serverOptions: { maxHeaderSize: maxHeaderBytes } }, (info: AddressInfo) => {
      // Idle connections are the client's to close, never closed under a request it sends (keep-alive.ts).
      holdIdleConnections(server as Server, options.idle);
      // A URL or headers too long for Node's parser: a readable 431 or 400, not a reset.
      answerUnparsableRequests(server as Server);
      const url = `http://127.0.0.1:${info.port}`;
      linkEmailsTo(url);
      done({
        url,
        server,
        stop: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
    // In the tick it starts listening, before any connection: a foreign Host (DNS rebinding) gets 421.
    guardHost(server as Server, (bound) => servedHosts(bound));
  });
}
