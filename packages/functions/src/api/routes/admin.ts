import { Hono } from "hono";
import { District, type DistrictSettings } from "@fidelio/core/district";
import { VisibleError } from "@fidelio/core/error";
import { Roster } from "@fidelio/core/roster";
import { jsonBody } from "../body";
import type { ApiEnv } from "../context";

const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

export const adminRoutes = new Hono<ApiEnv>()
  .get("/district", async (c) => c.json(await District.get(c.get("actor"), {})))
  .put("/district", async (c) =>
    c.json(await District.update(c.get("actor"), (await jsonBody(c)) as DistrictSettings & { version: number })),
  )
  .post("/roster", async (c) => {
    if (Number(c.req.header("content-length") ?? 0) > MAX_ROSTER_BYTES) {
      throw new VisibleError(413, "too_large", "Roster uploads are limited to 20 MB.");
    }
    const form = await c.req.parseBody({ all: true });
    const uploads = [form.files ?? form.file ?? []].flat().filter((f): f is File => f instanceof File);
    const files = await Promise.all(uploads.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    return c.json(await Roster.importFiles(c.get("actor"), files));
  });
