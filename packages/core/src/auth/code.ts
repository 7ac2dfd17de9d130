import * as v from "valibot";
import { fromItem, itemType, refusedItem, SignInCodeItems, type TransactUpdate } from "../dynamo";
import { isConditionFailure } from "../error";

/**
 * The sign-in code item of one address (hashed), and the only two ways it changes: a code is issued,
 * or a try is claimed. Both are single conditional writes, so concurrency cannot stretch any limit.
 */
export const CODE_LIFETIME_MS = 10 * 60_000;
export const MAX_TRIES = 5;
export const CODES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;
/** What a used code's hash becomes: no HMAC is empty, so nothing matches it again. */
export const BURNT = "";

const CodeItem = v.object({ codeHash: v.string(), expiresAt: v.number(), tries: v.number() });
export type CodeItem = v.InferOutput<typeof CodeItem>;
const codeItem = itemType("sign-in code", CodeItem);

/**
 * Replaces the address's code, counting it in the current hour's issue count (a per-hour attribute,
 * so the count and its window move in one update; the previous hour's count is dropped). The condition
 * fails once CODES_PER_HOUR codes went out this hour.
 */
export function issueCode(emailHash: string, codeHash: string, now: number): TransactUpdate {
  const hour = Math.floor(now / HOUR_MS);
  return SignInCodeItems.issue(emailHash, {
    codeHash,
    expiresAt: now + CODE_LIFETIME_MS,
    hour,
    maxPerHour: CODES_PER_HOUR,
    // The item must outlive the hour whose issue count it holds.
    ttl: Math.ceil(((hour + 1) * HOUR_MS + CODE_LIFETIME_MS) / 1000),
  });
}

export type TryClaim = { claimed: true; item: CodeItem } | { claimed: false; locked: boolean };

/**
 * Claims one of the code's MAX_TRIES tries before anything is compared: a try that was not claimed is
 * never checked, so at most MAX_TRIES guesses are judged per code however many arrive at once.
 */
export async function claimTry(emailHash: string, now: number): Promise<TryClaim> {
  try {
    const claimed = await SignInCodeItems.claimTry(emailHash, { now, burnt: BURNT, maxTries: MAX_TRIES });
    return { claimed: true, item: fromItem(codeItem, claimed) };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const old = refusedItem(error);
    const item = old && fromItem(codeItem, old);
    return { claimed: false, locked: !!item && item.codeHash !== BURNT && item.expiresAt > now && item.tries >= MAX_TRIES };
  }
}

/** Uses the code up, in the transaction that creates the session; fails if a newer code replaced it. */
export const burnCode = (emailHash: string, codeHash: string): TransactUpdate => SignInCodeItems.burn(emailHash, codeHash, BURNT);
