import { Hono } from "hono/tiny";
import { Access } from "@fidelio/core/access";
import type { UserActor } from "@fidelio/core/actor";
import { District } from "@fidelio/core/district";
import { defaultTimeZone, type DistrictInfo } from "@fidelio/core/district/schema";
import { LanguageInput, User } from "@fidelio/core/user";
import type { ApiEnv } from "../context";
import { validate } from "../validate";

/** `read`: the district as the session lookup read it (null: no item), or undefined if it did not. */
async function me(actor: UserActor, read: DistrictInfo | null | undefined) {
  const district = read === undefined ? await District.load(actor.districtId) : read;
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
  .get("/", async (c) => c.json(await me(c.get("actor"), c.get("district"))))
  .put("/", validate("json", LanguageInput), async (c) => c.json(await me(await User.setLanguage(c.get("actor"), c.req.valid("json")), c.get("district"))));
