import { Hono } from "hono/tiny";
import { deleteCookie, setCookie } from "hono/cookie";
import { Auth } from "@fidelio/core/auth";
import { jsonBody } from "../body";
import type { ApiEnv } from "../context";
import { requireSession, sessionCookie } from "../session";

export const authRoutes = new Hono<ApiEnv>()
  .post("/start", async (c) => {
    await Auth.start((await jsonBody(c)) as { email: string });
    return c.json({ ok: true as const }, 202);
  })
  .post("/verify", async (c) => {
    const { token } = await Auth.verify((await jsonBody(c)) as { email: string; code: string });
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
