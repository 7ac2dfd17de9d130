import { Hono } from "hono/tiny";
import { HelpAction, HelpRequests, TeamNoteSave, TeamNotes } from "@fidelio/core/help";
import type { ApiEnv } from "../context";
import { validate } from "../validate";

/** Help requests: a case manager's to answer and a teacher's own; answering or commenting on one. */
export const helpRequestRoutes = new Hono<ApiEnv>()
  .get("/", async (c) => c.json(await HelpRequests.list(c.get("actor"), {})))
  .post("/:id/actions", validate("json", HelpAction), async (c) =>
    c.json(await HelpRequests.act(c.get("actor"), { id: c.req.param("id"), ...c.req.valid("json") })),
  );

/** The shared note on a student's week, between the student's teachers and case manager. */
export const teamNoteRoutes = new Hono<ApiEnv>()
  .get("/:studentId/:week", async (c) => c.json(await TeamNotes.read(c.get("actor"), { studentId: c.req.param("studentId"), week: c.req.param("week") })))
  .put("/:studentId/:week", validate("json", TeamNoteSave), async (c) =>
    c.json(await TeamNotes.save(c.get("actor"), { studentId: c.req.param("studentId"), week: c.req.param("week"), ...c.req.valid("json") })),
  );
