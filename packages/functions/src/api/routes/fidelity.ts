import { Hono } from "hono/tiny";
import { ClassSubmit, ClassWeekParams, Fidelity, FormSave, FormSubmit, OpenFormsQuery, WeekQuery } from "@fidelio/core/fidelity";
import type { ApiEnv } from "../context";
import { validate } from "../validate";

export const fidelityRoutes = new Hono<ApiEnv>()
  .get("/forms", validate("query", WeekQuery), async (c) => c.json(await Fidelity.forms(c.get("actor"), c.req.valid("query"))))
  .get("/forms/open", validate("query", OpenFormsQuery), async (c) => c.json(await Fidelity.openBefore(c.get("actor"), c.req.valid("query"))))
  .get("/forms/:id", async (c) => c.json(await Fidelity.get(c.get("actor"), { id: c.req.param("id") })))
  .put("/forms/:id", validate("json", FormSave), async (c) =>
    c.json(await Fidelity.saveDraft(c.get("actor"), { id: c.req.param("id"), ...c.req.valid("json") })),
  )
  .post("/forms/:id/submit", validate("json", FormSubmit), async (c) =>
    c.json(await Fidelity.submitForm(c.get("actor"), { id: c.req.param("id"), ...c.req.valid("json") })),
  )
  .get("/classes/:classId/weeks/:week", validate("param", ClassWeekParams), async (c) =>
    c.json(await Fidelity.classForms(c.get("actor"), c.req.valid("param"))),
  )
  .post("/classes/:classId/weeks/:week/submit", validate("param", ClassWeekParams), validate("json", ClassSubmit), async (c) =>
    c.json(await Fidelity.submitClass(c.get("actor"), { ...c.req.valid("param"), ...c.req.valid("json") })),
  );
