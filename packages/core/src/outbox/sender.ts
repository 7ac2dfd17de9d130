import { fromItem, keys, OutboxItems, queryPage, type Item } from "../dynamo";
import { Email } from "../email";
import { isConditionFailure } from "../error";
import { Outbox, outboxItem, type OutboxItem, type OutboxStatus } from "./index";
import { unseal } from "./seal";
import { nextAttemptAt, retryPolicy } from "./retry-policy";
import { recordUndelivered } from "../concern/undelivered";
import { clock } from "../clock";

/** Delivery rounds of outbox items (see ./index.ts); only the sender imports this, and with it SES. */

/**
 * A round from the stream waits out a backoff this short itself; a longer one is left to the sweep,
 * which runs every few minutes (AWS: infra/email.ts; locally: the outbox poller) and takes every item due.
 */
const MAX_INLINE_WAIT_MS = 15_000;
/** A claim older than this was abandoned (the sender crashed mid-send); the item may be claimed again. */
const LEASE_MS = 60_000;
/** The stream normally delivers within a second; the sweep leaves items younger than this to it. */
const SWEEP_GRACE_MS = 10_000;
/** One sweep reads open items a page at a time, and stops starting pages after this long (the sweep function's timeout is 2 minutes). */
const SWEEP_PAGE = 100;
const SWEEP_BUDGET_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export namespace OutboxSender {
  /**
   * One delivery round for an item image (from the stream or the sweep). Safe to call again with the
   * same image: only one caller can claim a given round, so a redelivered record sends nothing twice.
   */
  export async function deliver(image: Item): Promise<OutboxStatus | "skipped"> {
    return Outbox.isOutboxItem(image) ? round(fromItem(outboxItem, image)) : "skipped";
  }

  async function round(image: OutboxItem): Promise<OutboxStatus | "skipped"> {
    // A round in progress shows up as a `sending` image: only one abandoned past its lease is taken over.
    const abandoned = image.status === "sending" && (image.claimedAt ?? 0) < clock.ms() - LEASE_MS;
    if (image.status !== "pending" && !abandoned) return "skipped";
    const wait = image.nextAttemptAt - clock.ms();
    // Not due for a while: the sweep takes it when it is (a long wait would hold the stream's batch).
    if (image.status === "pending" && wait > MAX_INLINE_WAIT_MS) return "skipped";
    if (image.status === "pending" && wait > 0) await sleep(wait);
    const item = await claim(image);
    if (!item) return "skipped";
    if (item.notAfter !== undefined && clock.ms() > item.notAfter) return settle(item, "expired", {});
    try {
      const messageId = await Email.send(unseal(item.sealed!));
      return await settle(item, "delivered", { messageId, deliveredAt: clock.iso() });
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : "unknown error";
      // A permanent refusal gives up at once; a passing failure only once the retry window has closed.
      const next = Email.isTransient(error) ? nextAttemptAt(retryPolicy(), item, clock.ms()) : undefined;
      if (next === undefined) {
        const settled = await settle(item, "failed", { lastError: reason });
        // Only the round that settled it records it; the concern's write is idempotent besides.
        if (settled === "failed" && item.concernId) {
          await recordUndelivered({ concernId: item.concernId, id: item.id, createdAt: item.createdAt }).catch((e: Error) =>
            console.error(
              JSON.stringify({ level: "error", msg: "recording an undelivered email failed", concernId: item.concernId, name: e.name, message: e.message }),
            ),
          );
        }
        return settled;
      }
      return retryLater(item, reason, next);
    }
  }

  /**
   * Items due whose round no stream record will bring (a wait left to it, a sender crashed, a record
   * not processed, no reader running): runs one round for each, now, page by page through every open
   * item. `graceMs` leaves younger pending items to the stream; 0 when none was reading.
   */
  export async function sweep(options: { graceMs?: number } = {}): Promise<number> {
    const grace = options.graceMs ?? SWEEP_GRACE_MS;
    const stopAt = clock.ms() + SWEEP_BUDGET_MS;
    let swept = 0;
    let cursor: string | undefined;
    do {
      const page = await queryPage(outboxItem, { ...keys.outboxOpenAll(), limit: SWEEP_PAGE, cursor });
      const now = clock.ms();
      const due = page.items.filter((item) =>
        item.status === "pending" ? item.nextAttemptAt <= now - grace : item.status === "sending" && (item.claimedAt ?? 0) < now - LEASE_MS,
      );
      await Promise.all(due.map(round));
      swept += due.length;
      cursor = page.cursor;
    } while (cursor && clock.ms() < stopAt);
    return swept;
  }

  async function claim(image: OutboxItem): Promise<OutboxItem | undefined> {
    const now = clock.ms();
    return update(() => OutboxItems.claim(image.id, { seen: image.attempts, now, abandonedBefore: now - LEASE_MS }));
  }

  async function settle(item: OutboxItem, status: "delivered" | "failed" | "expired", fields: Record<string, string | undefined>) {
    const settled = await update(() => OutboxItems.settle(item.id, item.attempts, status, fields));
    return settled ? status : "skipped";
  }

  async function retryLater(item: OutboxItem, reason: string, next: number) {
    const settled = await update(() => OutboxItems.retryLater(item.id, item.attempts, next, reason));
    return settled ? ("pending" as const) : "skipped";
  }

  /** A conditional update of one outbox item; undefined when its condition failed (someone else moved it on). */
  async function update(write: () => Promise<Item>) {
    try {
      return fromItem(outboxItem, await write());
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }
}
