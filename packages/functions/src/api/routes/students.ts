import { Hono } from "hono/tiny";
import { Fidelity, IepReviewQuery, StudentFidelityQuery } from "@fidelio/core/fidelity";
import { IepAcknowledgeInput, IepUpdate } from "@fidelio/core/iep";
import { IepEdit } from "@fidelio/core/iep/edit";
import { IepNotices } from "@fidelio/core/iep/notices";
import { Student } from "@fidelio/core/student";
import { ReleaseBody, Rights } from "@fidelio/core/rights";
import { Compensatory } from "@fidelio/core/fidelity/compensatory";
import { CompensatoryInput } from "@fidelio/core/fidelity/compensatory-schema";
import type { ApiEnv } from "../context";
import { allowed } from "../guards";
import { validate } from "../validate";
import { asCsv, csvResponse } from "./reports";

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
  // The IEP review summary (JSON, or `format=csv`): who may read the student's fidelity reads it.
  .get(
    "/:id/iep/review",
    allowed("fidelity.read"),
    validate("query", IepReviewQuery),
    async (c, next) => {
      if (c.req.valid("query").format !== "csv") return next();
      const { csv, result } = await Fidelity.review(c.get("actor"), { studentId: c.req.param("id"), ...c.req.valid("query") });
      return csvResponse(csv ?? "", `iep-review-${result.iep ? `v${result.iep.version}-${result.from}-${result.to}` : "none"}.csv`);
    },
    async (c) => c.json((await Fidelity.review(c.get("actor"), { studentId: c.req.param("id"), ...c.req.valid("query") })).result),
  )
  .put("/:id/iep", validate("json", IepUpdate), async (c) =>
    c.json(await IepEdit.record(c.get("actor"), { studentId: c.req.param("id"), ...c.req.valid("json") }), 201),
  )
  .post("/:id/iep/acknowledge", validate("json", IepAcknowledgeInput), async (c) =>
    c.json(await IepEdit.acknowledge(c.get("actor"), { studentId: c.req.param("id"), ...c.req.valid("json") })),
  )
  // A parent asks for the child's education records; an open request of theirs is answered again (200), not doubled.
  .post("/:id/records-requests", allowed("records.request"), async (c) => {
    const { created, request } = await Rights.requestRecordsOf(c.get("actor"), c.req.param("id"));
    return c.json(request, created ? 201 : 200);
  })
  // Make-up (compensatory) minutes: the plans with what was delivered and remains; a new plan from a service's owed balance.
  .get("/:id/compensatory", allowed("fidelity.read"), async (c) => c.json(await Compensatory.list(c.get("actor"), c.req.param("id"))))
  .post("/:id/compensatory", allowed("compensatory.write"), validate("json", CompensatoryInput), async (c) =>
    c.json(await Compensatory.create(c.get("actor"), c.req.param("id"), c.req.valid("json")), 201),
  )
  .get("/:id/records-requests", async (c) => c.json(await Rights.recordsRequestsOf(c.get("actor"), c.req.param("id"))))
  .post("/:id/records-requests/:requestId/release", allowed("records.release"), validate("json", ReleaseBody), async (c) =>
    c.json(await Rights.release(c.get("actor"), c.req.param("id"), c.req.param("requestId"), c.req.valid("json").version)),
  )
  .get("/:id/records-requests/:requestId/bundle", allowed("records.request"), async (c) => {
    const { zip, filename } = await Rights.bundle(c.get("actor"), c.req.param("id"), c.req.param("requestId"));
    c.header("Content-Type", "application/zip");
    c.header("Content-Disposition", `attachment; filename="${filename}"`);
    return c.body(zip as Uint8Array<ArrayBuffer>);
  });
