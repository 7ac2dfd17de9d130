import { Hono } from "hono/tiny";
import { Access } from "@fidelio/core/access";
import { District, DistrictUpdate } from "@fidelio/core/district";
import { VisibleError } from "@fidelio/core/error";
import { Roster, RosterConfirm } from "@fidelio/core/roster";
import type { ApiEnv } from "../context";
import { allowed } from "../guards";
import { validate } from "../validate";

const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

export const adminRoutes = new Hono<ApiEnv>()
  .get("/district", async (c) => c.json(await District.get(c.get("actor"), {})))
  .put("/district", allowed("district.update"), validate("json", DistrictUpdate), async (c) =>
    c.json(await District.update(c.get("actor"), c.req.valid("json"))),
  )
  .post("/roster", async (c) => {
    if (Number(c.req.header("content-length") ?? 0) > MAX_ROSTER_BYTES) {
      throw new VisibleError(413, "too_large", "Roster uploads are limited to 20 MB.");
    }
    // Check the role before reading a large upload; Roster.startImport checks again.
    Access.requireAction(c.get("actor"), "roster.import");
    const form = await c.req.parseBody({ all: true }).catch(() => {
      throw new VisibleError(400, "invalid_upload", "Send the roster as multipart/form-data with the files in `files`.");
    });
    const uploads = [form.files ?? form.file ?? []].flat().filter((f): f is File => f instanceof File);
    const files = await Promise.all(uploads.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const started = await Roster.startImport(c.get("actor"), files);
    // 202: the job runs in the background (poll its id); 200: the files changed nothing, no job to run.
    return started.id ? c.json(started, 202) : c.json(started, 200);
  })
  .get("/roster/without-email", async (c) => c.json(await Roster.withoutEmail(c.get("actor"))))
  .get("/roster/jobs/:id", async (c) => c.json(await Roster.job(c.get("actor"), c.req.param("id"))))
  .post(
    "/roster/jobs/:id/confirm",
    (c, next) => (Access.requireAction(c.get("actor"), "roster.import"), next()),
    validate("json", RosterConfirm),
    async (c) => c.json(await Roster.confirm(c.get("actor"), c.req.param("id"), c.req.valid("json")), 202),
  )
  .delete("/roster/jobs/:id", async (c) => {
    await Roster.discard(c.get("actor"), c.req.param("id"));
    return c.body(null, 204);
  });
