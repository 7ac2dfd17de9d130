import type { Role } from "../actor";
import type { UserInfo } from "../user";

/**
 * Which roles a roster import may take away (docs/roster-csv.md, "Roles the roster ends").
 *
 * The roster owns only the roles it granted, recorded on the user item as `rosterRoles`. A role a
 * person held before the roster first granted it (a district administrator created by hand, then
 * adopted by the roster) stays theirs: no import takes it. Of its own roles, an import ends those it
 * speaks for and no longer grants: `teacher` and `parent` always (they follow users.csv and
 * enrollments.csv), the Fidelio roles only when fidelio_roles.csv is uploaded, and every role of a
 * person marked `tobedeleted`. The importing administrator keeps their own district_admin role unless
 * users.csv marks them `tobedeleted`: an omission must not lock out the person running the import.
 */
export interface RoleChange {
  roles: Role[];
  rosterRoles: Role[];
  ended: Role[];
}

export function rolesAfterImport(input: {
  /** The stored user, if any. */
  current: UserInfo | undefined;
  /** Roles this import grants the person; none for a person it omits or deletes. */
  granted: Role[];
  spokenFor: readonly Role[];
  /** The importing administrator's own account, not marked `tobedeleted`. */
  isImporter: boolean;
}): RoleChange {
  const held = input.current?.roles ?? [];
  const owned = rosterOwned(input.current);
  const ended = owned.filter((role) => input.spokenFor.includes(role) && !input.granted.includes(role) && !(role === "district_admin" && input.isImporter));
  const heldOutside = held.filter((role) => !owned.includes(role));
  const roles = [...held.filter((role) => !ended.includes(role)), ...input.granted.filter((role) => !held.includes(role))];
  const rosterRoles = roles.filter((role) => !heldOutside.includes(role) && (owned.includes(role) || input.granted.includes(role)));
  return { roles, rosterRoles, ended };
}

/**
 * Accounts imported before `rosterRoles` was recorded: every role of a roster-managed account is taken
 * as the roster's, except district_admin, which the first import typically adopted from a hand-made
 * account; never inferring that one keeps an administrator from being locked out by a guess.
 */
function rosterOwned(user: UserInfo | undefined): Role[] {
  if (!user) return [];
  if (user.rosterRoles) return user.rosterRoles;
  return user.sourcedId ? user.roles.filter((role) => role !== "district_admin") : [];
}
