import { Hono } from "hono/tiny";
import { Concern } from "@fidelio/core/concern";
import type { ApiEnv } from "../context";
import { validate } from "../validate";

export const reportRoutes = new Hono<ApiEnv>()
  // The director's escalation board: open concerns overdue first, totals, resolutions, missed deadlines.
  .get("/escalations", validate("query", Concern.board.schema), async (c) => c.json(await Concern.board(c.get("actor"), c.req.valid("query"))));
