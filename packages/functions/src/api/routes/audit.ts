import { Hono } from "hono/tiny";
import { Student } from "@fidelio/core/student";
import type { ApiEnv } from "../context";
import { validate } from "../validate";

export const auditRoutes = new Hono<ApiEnv>().get("/", validate("query", Student.auditTrail.schema), async (c) =>
  c.json(await Student.auditTrail(c.get("actor"), c.req.valid("query"))),
);
