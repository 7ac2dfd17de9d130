import { Hono } from "hono/tiny";
import { Student } from "@fidelio/core/student";
import type { ApiEnv } from "../context";

export const studentRoutes = new Hono<ApiEnv>()
  .get("/", async (c) => c.json(await Student.list(c.get("actor"), { cursor: c.req.query("cursor") })))
  .get("/:id", async (c) => c.json(await Student.get(c.get("actor"), { id: c.req.param("id") })));
