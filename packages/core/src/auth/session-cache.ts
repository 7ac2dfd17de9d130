import type { Actor } from "../actor";

/**
 * Verified sessions, remembered for 30 s by token hash, so a burst of requests costs one session
 * read instead of one each. Sign-out clears the entry here at once; another warm Lambda instance may
 * accept a signed-out token for at most 30 s more (the same trade API Gateway's authorizer cache
 * makes, with a tenth of its default TTL).
 */
const REMEMBER_MS = 30_000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { actor: Actor; expiresAt: number; checkedAt: number }>();

export const sessionCache = {
  get(tokenHash: string): Actor | undefined {
    const entry = entries.get(tokenHash);
    const now = Date.now();
    if (!entry) return undefined;
    if (now - entry.checkedAt < REMEMBER_MS && now < entry.expiresAt) return entry.actor;
    entries.delete(tokenHash);
    return undefined;
  },
  set(tokenHash: string, actor: Actor, expiresAt: number) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(tokenHash, { actor, expiresAt, checkedAt: Date.now() });
  },
  forget(tokenHash: string) {
    entries.delete(tokenHash);
  },
};
