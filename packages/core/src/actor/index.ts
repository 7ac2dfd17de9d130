import * as v from "valibot";

export const roles = ["district_admin", "director", "case_manager", "teacher", "parent", "advocate"] as const;
export const Role = v.picklist(roles);
export type Role = v.InferOutput<typeof Role>;

/** Who is acting: built by the API's session middleware or rebuilt from a workflow payload, never from a body. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  districtId: string;
  roles: Role[];
}

export const hasRole = (actor: Actor, ...wanted: Role[]) => actor.roles.some((role) => wanted.includes(role));
