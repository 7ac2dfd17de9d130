import { Hono } from "hono/tiny";
import { Fidelity, FidelityReportQuery } from "@fidelio/core/fidelity";
import type { ApiEnv } from "../context";
import { validate } from "../validate";

export const csvResponse = (csv: string, name: string) =>
  new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });

export const reportRoutes = new Hono<ApiEnv>().get("/fidelity", validate("query", FidelityReportQuery), async (c) => {
  const out = await Fidelity.report(c.get("actor"), c.req.valid("query"));
  return out.csv !== undefined ? csvResponse(out.csv, `fidelity-${out.result.from}-${out.result.to}.csv`) : c.json(out.result);
});
