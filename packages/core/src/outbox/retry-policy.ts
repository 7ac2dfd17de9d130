import { Config } from "../config";

/**
 * How long the outbox keeps trying an email whose send fails for a reason that may pass (SES
 * unreachable, throttled, a fault on its side, a deployment error an operator can fix), and how
 * it spaces the tries. Only a permanent refusal of the message (Email.isTransient false) gives up
 * at once; a passing failure gives up only once the window since the email was queued has closed.
 */
export interface RetryPolicy {
  /** From the email's creation: the last round runs at the window's end, never earlier. */
  windowMs: number;
  /** The wait after the first failed round; each later one doubles, up to maxBackoffMs. */
  firstBackoffMs: number;
  maxBackoffMs: number;
}

/** The production policy: 24 hours of tries, 1 s, 2 s, 4 s… apart, at most 10 minutes apart. */
export const productionRetryPolicy: RetryPolicy = { windowMs: 24 * 3_600_000, firstBackoffMs: 1_000, maxBackoffMs: 10 * 60_000 };

/** The policy in force: production's, unless a local run or test shortened it (Config.outboxRetry*). */
export function retryPolicy(): RetryPolicy {
  const window = Config.outboxRetryWindowSeconds();
  const maxBackoff = Config.outboxMaxBackoffSeconds();
  const maxBackoffMs = maxBackoff === undefined ? productionRetryPolicy.maxBackoffMs : maxBackoff * 1_000;
  return {
    windowMs: window === undefined ? productionRetryPolicy.windowMs : window * 1_000,
    firstBackoffMs: Math.min(productionRetryPolicy.firstBackoffMs, maxBackoffMs),
    maxBackoffMs,
  };
}

/** The wait after failed round `round` (1 for the first). */
export const backoffMs = (policy: RetryPolicy, round: number) => Math.min(policy.firstBackoffMs * 2 ** Math.max(0, round - 1), policy.maxBackoffMs);

/**
 * When to try again an email whose round `attempts` just failed for a passing reason, at `now`; or
 * undefined when its window has closed and it is given up on. The next round never falls after the
 * window's end, so the last one runs right at it.
 */
export function nextAttemptAt(policy: RetryPolicy, email: { createdAt: string; attempts: number }, now: number): number | undefined {
  const windowEnds = Date.parse(email.createdAt) + policy.windowMs;
  if (!(now < windowEnds)) return undefined;
  return Math.min(now + backoffMs(policy, email.attempts), windowEnds);
}
