import { Hono } from "hono/tiny";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { ApiEnv } from "./context";
import { acceptBody, limitBody, sameOrigin } from "./guards";
import { onError } from "./on-error";
import { adminRoutes } from "./routes/admin";
import { auditRoutes } from "./routes/audit";
import { authRoutes } from "./routes/auth";
import { concernRoutes } from "./routes/concerns";
import { fidelityRoutes } from "./routes/fidelity";
import { helpRequestRoutes, teamNoteRoutes } from "./routes/help-requests";
import { meRoutes } from "./routes/me";
import { reportRoutes } from "./routes/reports";
import { studentRoutes } from "./routes/students";
import { readAuthorization, requireSession } from "./session";

/** The one API app: wrapped by hono/aws-lambda on AWS and served by @hono/node-server locally. */
export const app = new Hono<ApiEnv>()
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
  .route("/api/students", studentRoutes)
  .route("/api/audit", auditRoutes)
  .route("/api/concerns", concernRoutes)
  .route("/api/fidelity", fidelityRoutes)
  .route("/api/reports", reportRoutes)
  .route("/api/help-requests", helpRequestRoutes)
  .route("/api/team-notes", teamNoteRoutes)
  .route("/api/admin", adminRoutes)
  .notFound((c) => c.json({ error: "not_found", message: "No such API route" }, 404))
  .onError(onError);

export type Api = typeof app;
