import { Hono } from "hono/tiny";
import { Access } from "@fidelio/core/access";
import type { UserActor } from "@fidelio/core/actor";
import { District } from "@fidelio/core/district";
import { defaultTimeZone } from "@fidelio/core/district/schema";
import { LanguageInput, User } from "@fidelio/core/user";
import type { ApiEnv } from "../context";
import { validate } from "../validate";

async function me(actor: UserActor) {
  const district = await District.load(actor.districtId);
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name },
    roles: actor.roles,
    /** The stored choice; null until the person makes one (Fidelio then writes to them in English). */
    language: actor.language ?? null,
    // Deadlines are shown on the district's clock, wherever the reader is.
    district: { id: actor.districtId, name: district?.name ?? "", timeZone: district?.timeZone ?? defaultTimeZone },
    can: Access.overall(actor),
  };
}

export const meRoutes = new Hono<ApiEnv>()
  .get("/", async (c) => c.json(await me(c.get("actor"))))
  .put("/", validate("json", LanguageInput), async (c) => c.json(await me(await User.setLanguage(c.get("actor"), c.req.valid("json")))));
