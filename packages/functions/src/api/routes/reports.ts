import { Hono } from "hono/tiny";
import { Concern } from "@fidelio/core/concern";
import { Fidelity, FidelityReportQuery } from "@fidelio/core/fidelity";
import type { ApiEnv } from "../context";
import { allowed } from "../guards";
import { validate } from "../validate";

export const csvResponse = (csv: string, name: string) =>
  new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });

export const reportRoutes = new Hono<ApiEnv>()
  // The director's escalation board: open concerns overdue first, totals, resolutions, missed deadlines.
  .get("/escalations", validate("query", Concern.board.schema), async (c) => c.json(await Concern.board(c.get("actor"), c.req.valid("query"))))
  .get("/fidelity", allowed("fidelity.report"), validate("query", FidelityReportQuery), async (c) => {
    const out = await Fidelity.report(c.get("actor"), c.req.valid("query"));
    return out.csv !== undefined ? csvResponse(out.csv, `fidelity-${out.result.from}-${out.result.to}.csv`) : c.json(out.result);
  });
