import type { TransactUpdate } from "../client";
import { keys } from "../keys";
import { updateItem } from "../update";

/**
 * The sign-in code item of one address (by its hash) and its only three writes. Each is a single
 * conditional write, so requests at once cannot stretch a limit. The limits themselves are
 * auth/code.ts's; these write them.
 */
export namespace SignInCodeItems {
  /**
   * Replaces the address's code and counts it in `hour`'s issue count (an attribute per hour, so the
   * count and its window move in one update; the previous hour's count is dropped). Refused once
   * `maxPerHour` codes went out in that hour.
   */
  export const issue = (emailHash: string, code: { codeHash: string; expiresAt: number; hour: number; maxPerHour: number; ttl: number }): TransactUpdate => ({
    update: keys.signInCode(emailHash),
    expression:
      "SET #type = :type, codeHash = :hash, expiresAt = :expires, tries = :zero, #ttl = :ttl, #issued = if_not_exists(#issued, :zero) + :one REMOVE #previous",
    condition: "attribute_not_exists(#issued) OR #issued < :max",
    names: { "#type": "type", "#ttl": "ttl", "#issued": `issued${code.hour}`, "#previous": `issued${code.hour - 1}` },
    values: {
      ":type": "signin-code",
      ":hash": code.codeHash,
      ":expires": code.expiresAt,
      ":zero": 0,
      ":one": 1,
      ":max": code.maxPerHour,
      ":ttl": code.ttl,
    },
  });

  /**
   * Adds one try and answers the item after it. Refused, with the stored item on the error (see
   * `refusedItem`), unless the code is not `burnt`, has not expired at `now` and has had fewer than
   * `maxTries` tries.
   */
  export const claimTry = (emailHash: string, limits: { now: number; burnt: string; maxTries: number }) =>
    updateItem(keys.signInCode(emailHash), "ADD tries :one", {
      condition: "codeHash <> :burnt AND expiresAt > :now AND tries < :max",
      values: { ":one": 1, ":burnt": limits.burnt, ":now": limits.now, ":max": limits.maxTries },
      oldOnRefusal: true,
    });

  /** Replaces the code's hash with `burnt`; refused if the stored code is no longer `codeHash` (a newer one replaced it). */
  export const burn = (emailHash: string, codeHash: string, burnt: string): TransactUpdate => ({
    update: keys.signInCode(emailHash),
    expression: "SET codeHash = :burnt",
    condition: "codeHash = :hash",
    values: { ":burnt": burnt, ":hash": codeHash },
  });
}
