import { createHash, randomBytes } from "node:crypto";

export type IdPrefix =
  | "dis"
  | "sch"
  | "usr"
  | "stu"
  | "aud"
  | "iep"
  | "acc"
  | "mod"
  | "svc"
  | "gol"
  | "ses"
  | "out"
  | "rjb"
  | "con"
  | "frm"
  | "rrq"
  | "hlp"
  | "cmp";

// Crockford's base32, lowercase: no i, l, o, u, so an id read aloud or retyped is unambiguous.
const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * Prefixed ids such as `stu_7kq…`: 26 base32 characters, 130 random bits, nothing from the clock.
 * Ids neither reveal when a record was made nor let one guess a neighbour's; anything that needs
 * time order keeps a timestamp in its sort key (audit records: `<at>#<id>`).
 */
export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(26);
  let out = "";
  // 256 is a multiple of 32, so `byte & 31` is uniform.
  for (const byte of bytes) out += alphabet[byte & 31];
  return `${prefix}_${out}`;
}

/**
 * An id in the same shape, derived from `seed` (secret-free, so only for records whose seed is itself
 * unguessable or harmless): the same seed always gives the same id. A roster import's new records use
 * it, so planning the same files against the same data twice gives the same plan (roster/prepare.ts).
 */
export function derivedId(prefix: IdPrefix, seed: string): string {
  const bytes = createHash("sha256").update(seed).digest().subarray(0, 26);
  let out = "";
  for (const byte of bytes) out += alphabet[byte & 31];
  return `${prefix}_${out}`;
}

/**
 * Whether a value from a path or a query has the shape of an id with this prefix. Checked before any
 * read, so a malformed or oversized id is simply not found instead of reaching DynamoDB's key limits.
 */
export const isIdOf = (prefix: IdPrefix, value: string) => new RegExp(`^${prefix}_[0-9a-z]{26}$`).test(value);
