import { Hono } from "hono/tiny";
import { deleteCookie, setCookie } from "hono/cookie";
import { Auth, StartInput, VerifyInput } from "@fidelio/core/auth";
import { languageOfHeader, type Language } from "@fidelio/core/user/schema";
import type { ApiEnv } from "../context";
import { rateLimited } from "../rate-limit";
import { requireSession, sessionCookie } from "../session";
import { validate } from "../validate";

/** The language of the page signing in: the body's `language`, else the browser's Accept-Language. */
const withPageLanguage = <T extends { language?: Language }>(body: T, acceptLanguage: string | undefined): T => ({
  ...body,
  language: body.language ?? languageOfHeader(acceptLanguage),
});

export const authRoutes = new Hono<ApiEnv>()
  .post("/start", rateLimited("auth-start"), validate("json", StartInput), async (c) => {
    await Auth.start(withPageLanguage(c.req.valid("json"), c.req.header("accept-language")));
    return c.json({ ok: true as const }, 202);
  })
  .post("/verify", rateLimited("auth-verify"), validate("json", VerifyInput), async (c) => {
    const { token } = await Auth.verify(withPageLanguage(c.req.valid("json"), c.req.header("accept-language")));
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
