import * as v from "valibot";
import { Access } from "../access";
import type { Role, UserActor } from "../actor";
import { batchGet, itemType, keys, queryAll } from "../dynamo";
import { userItem } from "../user";

const sourceItem = itemType("roster source", v.object({ id: v.string() }));

/** Someone the roster imported without an email: they cannot sign in, nor be written to, until an import gives one. */
export interface WithoutEmail {
  userId: string;
  name: string;
  roles: Role[];
  sourcedId?: string;
}

/**
 * The district's roster accounts that have no email, by name: the roster page lists them as unable to
 * sign in until an email arrives. Read from the district's source map (its roster accounts), so it is
 * bounded by the district's staff and families.
 */
export async function peopleWithoutEmail(actor: UserActor): Promise<{ items: WithoutEmail[] }> {
  Access.requireAction(actor, "roster.import");
  const sources = await queryAll(sourceItem, keys.rosterUsersOf(actor.districtId));
  const users = await batchGet(
    userItem,
    sources.map((s) => keys.user(s.id)),
  );
  const items = users
    .filter((u) => u.districtId === actor.districtId && u.email === undefined && u.roles.length > 0)
    .map((u) => ({ userId: u.id, name: u.name, roles: u.roles, ...(u.sourcedId && { sourcedId: u.sourcedId }) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  return { items };
}
