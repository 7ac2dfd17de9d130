import { Hono } from "hono/tiny";
import { deleteCookie, setCookie } from "hono/cookie";
import { Auth, StartInput, VerifyInput } from "@fidelio/core/auth";
import type { ApiEnv } from "../context";
import { rateLimited } from "../rate-limit";
import { requireSession, sessionCookie } from "../session";
import { validate } from "../validate";

export const authRoutes = new Hono<ApiEnv>()
  .post("/start", rateLimited("auth-start"), validate("json", StartInput), async (c) => {
    await Auth.start(c.req.valid("json"));
    return c.json({ ok: true as const }, 202);
  })
  .post("/verify", rateLimited("auth-verify"), validate("json", VerifyInput), async (c) => {
    const { token } = await Auth.verify(c.req.valid("json"));
    setCookie(c, sessionCookie, token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: new URL(c.req.url).protocol === "https:",
      path: "/",
      maxAge: 12 * 3600,
    });
    return c.json({ token }, 200);
  })
  .post("/signout", requireSession, async (c) => {
    await Auth.signout(c.get("token"));
    deleteCookie(c, sessionCookie, { path: "/" });
    return c.body(null, 204);
  });
