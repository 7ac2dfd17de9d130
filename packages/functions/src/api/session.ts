import { getCookie } from "hono/cookie";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { Auth } from "@fidelio/core/auth";
import { VisibleError } from "@fidelio/core/error";
import type { ApiEnv } from "./context";

export const sessionCookie = "fidelio_session";

/**
 * What the Authorization header says: nothing, a well-formed `Bearer <token>` (one token68, RFC 6750),
 * or something else, which is refused (401) rather than ignored in favour of the cookie.
 */
export function authorizationOf(header: string | undefined): { kind: "none" } | { kind: "bearer"; token: string } | { kind: "malformed" } {
  if (header === undefined) return { kind: "none" };
  const token = header.match(/^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i)?.[1];
  return token ? { kind: "bearer", token } : { kind: "malformed" };
}

/**
 * The session lookup (Auth.session). `/api/me` answers with the district's name and zone, so its lookup
 * reads the district in the same BatchGetItem and leaves it for the route (`district`).
 */
async function actorOf(c: Context<ApiEnv>, token: string) {
  if (c.req.path !== "/api/me") return Auth.session(token);
  const found = await Auth.sessionWithDistrict(token);
  if (found) c.set("district", found.district ?? null);
  return found?.actor;
}

const unauthenticated = () => new VisibleError(401, "unauthenticated", "Sign in to continue.");

/**
 * The one rule for how a request is authenticated, run first on every API request: a well-formed
 * bearer token that authenticates makes it a bearer request (the actor is set here, and the origin
 * check does not apply: a browser never adds that header by itself); a malformed Authorization header
 * is 401; anything else is judged by its cookie, with the origin check (`sameOrigin`).
 */
export const readAuthorization = createMiddleware<ApiEnv>(async (c, next) => {
  const auth = authorizationOf(c.req.header("authorization"));
  if (auth.kind === "malformed") throw unauthenticated();
  if (auth.kind === "bearer") {
    const actor = await actorOf(c, auth.token);
    if (actor) {
      c.set("actor", actor);
      c.set("token", auth.token);
      c.set("bearer", true);
    }
  }
  await next();
});

/** Sets the actor for every route behind it; no valid session answers 401. A bearer token that does not authenticate is 401, never a fallback to the cookie. */
export const requireSession = createMiddleware<ApiEnv>(async (c, next) => {
  if (!c.get("bearer")) {
    const auth = authorizationOf(c.req.header("authorization"));
    const token = auth.kind === "none" ? getCookie(c, sessionCookie) : undefined;
    const actor = token ? await actorOf(c, token) : undefined;
    if (!token || !actor) throw unauthenticated();
    c.set("actor", actor);
    c.set("token", token);
  }
  await next();
});
