import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { Auth } from "@fidelio/core/auth";
import { VisibleError } from "@fidelio/core/error";
import type { ApiEnv } from "./context";

export const sessionCookie = "fidelio_session";

/** The session token from the HttpOnly cookie (browser) or `Authorization: Bearer` (scripts). */
export function tokenOf(header: string | undefined, cookie: string | undefined) {
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? cookie;
}

/** Sets the actor for every route behind it; no valid session answers 401. */
export const requireSession = createMiddleware<ApiEnv>(async (c, next) => {
  const token = tokenOf(c.req.header("authorization"), getCookie(c, sessionCookie));
  const actor = token ? await Auth.session(token) : undefined;
  if (!token || !actor) throw new VisibleError(401, "unauthenticated", "Sign in to continue.");
  c.set("actor", actor);
  c.set("token", token);
  await next();
});
