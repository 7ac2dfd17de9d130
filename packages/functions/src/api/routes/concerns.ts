import type { Language } from "@fidelio/core/user/schema";
import { Hono } from "hono/tiny";
import { Concern } from "@fidelio/core/concern";
import { VisibleError } from "@fidelio/core/error";
import type { ApiEnv } from "../context";
import { validate } from "../validate";

const jsonBody = (c: { req: { json: () => Promise<unknown> } }) =>
  c.req.json().catch(() => {
    throw new VisibleError(400, "invalid_json", "The request body must be JSON");
  });

export const concernRoutes = new Hono<ApiEnv>()
  .post("/", async (c) => {
    const { created, concern } = await Concern.file(c.get("actor"), c.req.header("idempotency-key"), await jsonBody(c));
    return c.json(concern, created ? 201 : 200);
  })
  .get("/", validate("query", Concern.list.schema), async (c) => c.json(await Concern.list(c.get("actor"), c.req.valid("query"))))
  .get("/waiting", async (c) => c.json(await Concern.waiting(c.get("actor"), {})))
  .get("/:id", async (c) => c.json(await Concern.get(c.get("actor"), { id: c.req.param("id") })))
  // Printable HTML: every value escaped, no script may run, nothing else may load.
  .get("/:id/packet", async (c) => {
    const { html, styleHash } = await Concern.packet(c.get("actor"), { id: c.req.param("id"), lang: c.req.query("lang") as Language | undefined });
    // Its own policy, which the page-wide one does not replace: nothing loads, and only its own stylesheet (by hash) applies.
    c.header("Content-Security-Policy", `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    return c.html(html);
  })
  .get("/:id/verify", async (c) => c.json(await Concern.verify(c.get("actor"), { id: c.req.param("id") })))
  // Records the action, then resumes the waiting execution (Concern.act does both).
  .post("/:id/actions", async (c) => {
    const body = (await jsonBody(c)) as Record<string, unknown>;
    return c.json(await Concern.act(c.get("actor"), { ...body, id: c.req.param("id") }));
  });
