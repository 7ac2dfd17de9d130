import { Hono } from "hono/tiny";
import { Fidelity, StudentFidelityQuery } from "@fidelio/core/fidelity";
import { IepAcknowledgeInput, IepUpdate } from "@fidelio/core/iep";
import { IepEdit } from "@fidelio/core/iep/edit";
import { IepNotices } from "@fidelio/core/iep/notices";
import { Student } from "@fidelio/core/student";
import type { ApiEnv } from "../context";
import { allowed } from "../guards";
import { validate } from "../validate";
import { asCsv } from "./reports";

export const studentRoutes = new Hono<ApiEnv>()
  .get("/", validate("query", Student.list.schema), async (c) => c.json(await Student.list(c.get("actor"), c.req.valid("query"))))
  .get("/schools", async (c) => c.json(await Student.schools(c.get("actor"))))
  .get("/classes", async (c) => c.json(await Student.classes(c.get("actor"))))
  .get("/iep-changes", async (c) => c.json(await IepNotices.mine(c.get("actor"), {})))
  .get("/:id", async (c) => c.json(await Student.get(c.get("actor"), { id: c.req.param("id") })))
  .get(
    "/:id/fidelity",
    allowed("fidelity.read"),
    validate("query", StudentFidelityQuery),
    async (c, next) =>
      c.req.valid("query").format === "csv" ? asCsv(await Fidelity.student(c.get("actor"), { studentId: c.req.param("id"), ...c.req.valid("query") })) : next(),
    async (c) => c.json((await Fidelity.student(c.get("actor"), { studentId: c.req.param("id"), ...c.req.valid("query") })).result),
  )
  .put("/:id/iep", validate("json", IepUpdate), async (c) =>
    c.json(await IepEdit.record(c.get("actor"), { studentId: c.req.param("id"), ...c.req.valid("json") }), 201),
  )
  .post("/:id/iep/acknowledge", validate("json", IepAcknowledgeInput), async (c) =>
    c.json(await IepEdit.acknowledge(c.get("actor"), { studentId: c.req.param("id"), ...c.req.valid("json") })),
  );
