import { Hono } from "hono/tiny";
import { Concern } from "@fidelio/core/concern";
import { Fidelity, FidelityReportQuery } from "@fidelio/core/fidelity";
import type { ApiEnv } from "../context";
import { allowed } from "../guards";
import { validate } from "../validate";

export const csvResponse = (csv: string, name: string) =>
  new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });

/**
 * `?format=csv` is a download: its handler runs before the JSON one and answers a plain Response, which
 * the typed client (`hc<Api>`) does not see, so the route's type is its JSON body alone.
 */
export const asCsv = (out: { csv?: string; result: { from: string; to: string } }) =>
  csvResponse(out.csv ?? "", `fidelity-${out.result.from}-${out.result.to}.csv`);

export const reportRoutes = new Hono<ApiEnv>()
  // The director's escalation board: open concerns overdue first, totals, resolutions, missed deadlines.
  .get("/escalations", validate("query", Concern.board.schema), async (c) => c.json(await Concern.board(c.get("actor"), c.req.valid("query"))))
  .get(
    "/fidelity",
    allowed("fidelity.report"),
    validate("query", FidelityReportQuery),
    async (c, next) => (c.req.valid("query").format === "csv" ? asCsv(await Fidelity.report(c.get("actor"), c.req.valid("query"))) : next()),
    async (c) => c.json((await Fidelity.report(c.get("actor"), c.req.valid("query"))).result),
  );
