import { Hono } from "hono/tiny";
import { Access } from "@fidelio/core/access";
import { District } from "@fidelio/core/district";
import type { ApiEnv } from "../context";

export const meRoutes = new Hono<ApiEnv>().get("/", async (c) => {
  const actor = c.get("actor");
  const district = await District.load(actor.districtId);
  return c.json({
    user: { id: actor.userId, email: actor.email, name: actor.name },
    roles: actor.roles,
    district: { id: actor.districtId, name: district?.name ?? "" },
    can: Access.overall(actor),
  });
});
