import { randomBytes } from "node:crypto";
import * as v from "valibot";
import { getItem, itemType, keys, putNew, type Item, type TransactPut } from "../dynamo";
import type { Message } from "../email";
import { newId } from "../id";
import { seal } from "./seal";
import { clock } from "../clock";

/**
 * Email as an outbox: a verb puts `Outbox.email(...)` in the same TransactWriteItems as the event that
 * causes the email, so the email exists exactly when the event does. The sender (a Lambda on the table's
 * stream; locally the same handler fed by a poller) calls `OutboxSender.deliver` (./sender.ts, which
 * alone brings in SES) for each new image of an item.
 *
 * Each delivery round claims the item (conditional update), sends once, and settles it. A round that
 * fails for a reason that may pass (SES down, throttled) puts the item back to `pending` with a later
 * `nextAttemptAt`; that write is itself a stream record, so the item comes round again (a long wait is
 * left to `OutboxSender.sweep`, which also re-drives lost rounds), for 24 hours: ./retry-policy.ts.
 */
const outboxStatuses = ["pending", "sending", "delivered", "failed", "expired", "suppressed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

// Keeps its key and type: an item read back is also what a stream image of it looks like.
const OutboxItem = v.object({
  pk: v.string(),
  sk: v.string(),
  type: v.literal("outbox"),
  id: v.string(),
  status: v.picklist(outboxStatuses),
  createdAt: v.string(),
  attempts: v.number(),
  nextAttemptAt: v.number(),
  /** Epoch ms after which the email is pointless (a sign-in code that has expired): never sent late. */
  notAfter: v.optional(v.number()),
  sealed: v.optional(v.string()),
  claimedAt: v.optional(v.number()),
  lastError: v.optional(v.string()),
  messageId: v.optional(v.string()),
  deliveredAt: v.optional(v.string()),
  /** The concern the email is about: an undelivered one is recorded on its timeline. */
  concernId: v.optional(v.string()),
});
export type OutboxItem = v.InferOutput<typeof OutboxItem>;
export const outboxItem = itemType("outbox email", OutboxItem);

const KEEP_RECORD_DAYS = 30;
const epochSeconds = (ms: number) => Math.ceil(ms / 1000);

/** For the AWS event source mapping: invoke the sender only for outbox items waiting to be sent. */
export const outboxStreamFilter = { dynamodb: { NewImage: { type: { S: ["outbox"] }, status: { S: ["pending"] } } } };

export namespace Outbox {
  /** The transaction item that queues `message`; put it in the same TransactWriteItems as its cause. */
  export function email(message: Message, options: { notAfter?: number; concernId?: string } = {}): TransactPut {
    const id = newId("out");
    const now = clock.ms();
    const createdAt = new Date(now).toISOString();
    const keepUntil = Math.max(now, options.notAfter ?? now) + KEEP_RECORD_DAYS * 86_400_000;
    const item: OutboxItem = {
      ...keys.outbox(id),
      type: "outbox",
      id,
      status: "pending",
      createdAt,
      attempts: 0,
      nextAttemptAt: now,
      notAfter: options.notAfter,
      sealed: seal(message),
      concernId: options.concernId,
    };
    return putNew({ ...item, ...keys.outboxOpen(createdAt, id), ttl: epochSeconds(keepUntil) });
  }

  /**
   * A stand-in that is never sent, for the email an unknown address would have got: sign-in writes it
   * so that known and unknown addresses cost the same work and writes (no account enumeration by
   * timing). It seals the would-be message like `email` does, then keeps only random bytes of that size.
   */
  export function decoy(message: Message): TransactPut {
    const id = newId("out");
    const now = clock.ms();
    const createdAt = new Date(now).toISOString();
    const padding = randomBytes(Buffer.byteLength(seal(message))).toString("base64url");
    const item: OutboxItem & { padding: string } = {
      ...keys.outbox(id),
      type: "outbox",
      id,
      status: "suppressed",
      createdAt,
      attempts: 0,
      nextAttemptAt: now,
      padding,
    };
    return putNew({ ...item, ...keys.outboxDecoy(createdAt, id), ttl: epochSeconds(now + 86_400_000) });
  }

  export const isOutboxItem = (image: Item) => typeof image.pk === "string" && keys.isOutbox(image.pk) && image.type === "outbox";

  export const get = (id: string) => getItem(outboxItem, keys.outbox(id), true);
}
