import type { Context, Hono } from "hono";
import { routePath } from "hono/route";
import { Hono as TinyHono } from "hono/tiny";
import { areas, type Areas } from "./areas";
import type { ApiEnv } from "./context";
import { notFound } from "./not-found";

/** The context of the request an area answers, by the Request object handed to the area's app. */
const outer = new WeakMap<Request, Context<ApiEnv>>();

/**
 * A stand-in for an area's sub-app, mounted with `.route()` like the sub-app itself: one catch-all
 * route under the area's path that loads the area's module on its first request, then hands every
 * request to it. The area runs as an app of its own on the same Request, after the middleware that
 * already ran here: it starts with this request's variables (actor, token, request id...), its errors
 * reach the API's one onError, and its answer gets this request's prepared headers.
 */
function lazyArea<Sub>(load: () => Promise<Sub>): Sub {
  let loaded: Promise<Hono<ApiEnv>> | undefined;
  const app = (mountedAt: string) =>
    (loaded ??= load().then((sub) =>
      new TinyHono<ApiEnv>()
        .use(async (c, next) => {
          for (const [name, value] of Object.entries(outer.get(c.req.raw)!.var)) c.set(name as keyof ApiEnv["Variables"], value as never);
          await next();
        })
        .route(mountedAt, sub as Hono<ApiEnv>)
        .notFound(notFound)
        .onError((error) => {
          throw error;
        }),
    )).catch((error: unknown) => {
      // A module that failed to load is tried again on the next request, not remembered as failed.
      loaded = undefined;
      throw error;
    });
  return new TinyHono<ApiEnv>().all("/*", async (c) => {
    const area = await app(routePath(c).replace(/\/\*$/, ""));
    outer.set(c.req.raw, c);
    const answer = await area.fetch(c.req.raw, c.env);
    return c.newResponse(answer.body, answer);
  }) as unknown as Sub;
}

/** Every area as a stand-in that loads it on first use: what the Lambda serves. */
export const lazyAreas = (): Areas => Object.fromEntries(Object.entries(areas).map(([name, load]) => [name, lazyArea(load)])) as Areas;
