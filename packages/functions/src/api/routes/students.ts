import { Hono } from "hono/tiny";
import { Student } from "@fidelio/core/student";
import type { ApiEnv } from "../context";
import { validate } from "../validate";

export const studentRoutes = new Hono<ApiEnv>()
  .get("/", validate("query", Student.list.schema), async (c) => c.json(await Student.list(c.get("actor"), c.req.valid("query"))))
  .get("/schools", async (c) => c.json(await Student.schools(c.get("actor"))))
  .get("/classes", async (c) => c.json(await Student.classes(c.get("actor"))))
  .get("/:id", async (c) => c.json(await Student.get(c.get("actor"), { id: c.req.param("id") })));
