import { keys } from "../keys";
import { updateItem } from "../update";

/**
 * An outbox item's delivery states. Each write answers the item after it, and is refused (see
 * `isConditionFailure`) when another round has moved the item on: a round owns the item from its
 * claim, identified by the attempt count the claim set.
 */
export namespace OutboxItems {
  const names = { "#status": "status" };

  /**
   * Claims a round: `sending`, one attempt more. Refused unless the attempt count is still `seen` and
   * the item is pending, or sending with a claim made before `abandonedBefore`.
   */
  export const claim = (outboxId: string, round: { seen: number; now: number; abandonedBefore: number }) =>
    updateItem(keys.outbox(outboxId), "SET #status = :sending, claimedAt = :now, attempts = attempts + :one", {
      condition: "attempts = :seen AND (#status = :pending OR (#status = :sending AND claimedAt < :abandoned))",
      names,
      values: { ":sending": "sending", ":pending": "pending", ":now": round.now, ":one": 1, ":seen": round.seen, ":abandoned": round.abandonedBefore },
    });

  /**
   * Ends the item's life as `status` with `fields` set (those not undefined), and drops the sealed message and the open-items
   * index entry. Refused unless it is still sending under the claim that made attempt `mine`.
   */
  export function settle(outboxId: string, mine: number, status: string, fields: Record<string, string | undefined>) {
    const sets = Object.entries(fields).filter(([, value]) => value !== undefined);
    return updateItem(keys.outbox(outboxId), `SET #status = :status${sets.map(([name]) => `, ${name} = :${name}`).join("")} REMOVE sealed, gsi1pk, gsi1sk`, {
      condition: "#status = :sending AND attempts = :mine",
      names,
      values: { ":status": status, ":sending": "sending", ":mine": mine, ...Object.fromEntries(sets.map(([name, value]) => [`:${name}`, value])) },
    });
  }

  /** Puts the item back to `pending` until `next`, noting `reason`; refused unless still sending under the claim that made attempt `mine`. */
  export const retryLater = (outboxId: string, mine: number, next: number, reason: string) =>
    updateItem(keys.outbox(outboxId), "SET #status = :pending, nextAttemptAt = :next, lastError = :reason", {
      condition: "#status = :sending AND attempts = :mine",
      names,
      values: { ":pending": "pending", ":sending": "sending", ":next": next, ":reason": reason, ":mine": mine },
    });
}
