import { Hono } from "hono/tiny";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Areas } from "./areas";
import type { ApiEnv } from "./context";
import { acceptBody, limitBody, sameOrigin } from "./guards";
import { notFound } from "./not-found";
import { onError } from "./on-error";
import { authRoutes } from "./routes/auth";
import { meRoutes } from "./routes/me";
import { readAuthorization, requireSession } from "./session";

/**
 * The one API app, given its route areas (areas.ts): loaded (app.ts: the local stack and the tests)
 * or loading each on first use (lambda.ts). Sign-in and `/api/me` are always here: a cold start's
 * first request needs them. Wrapped by hono/aws-lambda on AWS and served by @hono/node-server locally.
 */
export const appOf = (area: Areas) =>
  new Hono<ApiEnv>()
    .use((c, next) => (c.set("startedAt", performance.now()), next()))
    .use(requestId())
    .use(secureHeaders())
    .use("/api/*", async (c, next) => {
      await next();
      c.header("Cache-Control", "no-store");
    })
    .use("/api/*", readAuthorization)
    .use("/api/*", sameOrigin)
    .use("/api/*", acceptBody)
    .use("/api/auth/*", limitBody.json)
    .route("/api/auth", authRoutes)
    // Registered after the auth routes, so it guards every route below and not sign-in itself.
    .use("/api/*", requireSession)
    // After the session check, so only a signed-in user can make the server read a large body.
    .use("/api/*", (c, next) => (c.req.path === "/api/admin/roster" ? limitBody.roster : limitBody.json)(c, next))
    .route("/api/me", meRoutes)
    .route("/api/students", area.students)
    .route("/api/audit", area.audit)
    .route("/api/concerns", area.concerns)
    .route("/api/fidelity", area.fidelity)
    .route("/api/reports", area.reports)
    .route("/api/help-requests", area.helpRequests)
    .route("/api/team-notes", area.teamNotes)
    .route("/api/admin", area.admin)
    .notFound(notFound)
    .onError(onError);
