import { createHmac } from "node:crypto";
import { Config } from "../config";
import { keys, RateCounterItems } from "../dynamo";
import { isConditionFailure } from "../error";
import { clock } from "../clock";

interface Limit {
  max: number;
  windowSeconds: number;
}

/**
 * Per client address and overall, in fixed one-minute windows. Per address is generous because a whole
 * school's staff can share one public address; the per-code lockout (5 tries) and the per-address code
 * cap (5 an hour) are what stop guessing. Overall bounds the email sent and the cost of a flood from
 * many addresses. Counters live in DynamoDB so every Lambda instance shares them.
 */
export const limits = {
  "auth-start": { perClient: { max: 60, windowSeconds: 60 }, overall: { max: 1_200, windowSeconds: 60 } },
  "auth-verify": { perClient: { max: 120, windowSeconds: 60 }, overall: { max: 2_400, windowSeconds: 60 } },
} as const satisfies Record<string, { perClient: Limit; overall: Limit }>;

export type LimitedAction = keyof typeof limits;
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Client addresses are personal data; the table keeps only a keyed hash of one, for a few minutes.
const subjectHash = (subject: string) => createHmac("sha256", Config.authSecret()).update(`rate:${subject}`).digest("hex").slice(0, 32);

type Scope = { client: string } | "overall";

export namespace RateLimit {
  /**
   * Counts one request. The per-client counter goes first, and the overall one only counts requests
   * their client was allowed, so one noisy address cannot use up everyone's allowance.
   */
  export async function take(action: LimitedAction, clientAddress: string): Promise<RateDecision> {
    const own = await hit(action, { client: clientAddress });
    return own.allowed ? hit(action, "overall") : own;
  }

  /** The counter item of the window that `at` falls in. */
  export function counterKey(action: LimitedAction, scope: Scope, at = clock.ms()) {
    const limit = scope === "overall" ? limits[action].overall : limits[action].perClient;
    const windowIndex = Math.floor(at / (limit.windowSeconds * 1000));
    const key =
      scope === "overall" ? keys.rateLimit(`${action}:all`, "all", windowIndex) : keys.rateLimit(`${action}:client`, subjectHash(scope.client), windowIndex);
    return { key, limit, windowEnd: (windowIndex + 1) * limit.windowSeconds * 1000 };
  }

  /** One atomic conditional increment of the current window's counter; no read, no retry. */
  async function hit(action: LimitedAction, scope: Scope): Promise<RateDecision> {
    const now = clock.ms();
    const { key, limit, windowEnd } = counterKey(action, scope, now);
    try {
      await RateCounterItems.hit(key, limit.max, Math.ceil(windowEnd / 1000) + 60);
      return { allowed: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
    }
  }
}
