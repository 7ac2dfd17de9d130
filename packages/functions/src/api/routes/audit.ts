import { Hono } from "hono/tiny";
import { Student } from "@fidelio/core/student";
import type { ApiEnv } from "../context";

export const auditRoutes = new Hono<ApiEnv>().get("/", async (c) =>
  c.json(await Student.auditTrail(c.get("actor"), { studentId: c.req.query("studentId") ?? "", cursor: c.req.query("cursor") })),
);
