import { Hono } from "hono/tiny";
import { ActionBody, Concern, FileConcern, FileConcernHeaders, PacketLanguage } from "@fidelio/core/concern";
import type { ApiEnv } from "../context";
import { allowed } from "../guards";
import { validate } from "../validate";

export const concernRoutes = new Hono<ApiEnv>()
  // The role before the input: only a parent may file, whatever the body says.
  .post("/", allowed("concern.file"), validate("header", FileConcernHeaders), validate("json", FileConcern), async (c) => {
    const { created, concern } = await Concern.file(c.get("actor"), c.req.valid("header")["idempotency-key"], c.req.valid("json"));
    return c.json(concern, created ? 201 : 200);
  })
  .get("/", validate("query", Concern.list.schema), async (c) => c.json(await Concern.list(c.get("actor"), c.req.valid("query"))))
  .get("/waiting", async (c) => c.json(await Concern.waiting(c.get("actor"), {})))
  .get("/:id", async (c) => c.json(await Concern.get(c.get("actor"), { id: c.req.param("id") })))
  // Printable HTML: every value escaped, no script may run, nothing else may load.
  .get("/:id/packet", validate("query", PacketLanguage), async (c) => {
    const { html, styleHash } = await Concern.packet(c.get("actor"), { id: c.req.param("id"), ...c.req.valid("query") });
    // Its own policy, which the page-wide one does not replace: nothing loads, and only its own stylesheet (by hash) applies.
    c.header(
      "Content-Security-Policy",
      `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    return c.html(html);
  })
  .get("/:id/verify", async (c) => c.json(await Concern.verify(c.get("actor"), { id: c.req.param("id") })))
  // Records the action against the concern's version, then resumes the waiting execution (Concern.act does both).
  .post("/:id/actions", validate("json", ActionBody), async (c) =>
    c.json(await Concern.act(c.get("actor"), { ...c.req.valid("json"), id: c.req.param("id") })),
  );
