import type { Prepared } from "./prepare";

/**
 * Plans made by checking an upload, kept for a moment in the process that checked it, so the job that
 * starts right after (the local server runs both on one worker thread) writes that plan instead of
 * reading and planning the same files a second time.
 *
 * It is used twice: the upload's check keeps the plan the job's planning run then shows, and the
 * confirmation's check (which made sure the district still gives the same plan) keeps the one the
 * applying run writes. The applying run uses it only if its fingerprint is the confirmed plan's.
 *
 * This is safe for the same reason planning at the start of a job is: every write that could undo
 * someone else's change is conditional (an IEP version's claim, the roles an account held, a new
 * student still absent), so a change made after planning makes the job a 409, not a lost edit. A kept
 * plan is only used for the first run of the job its files made; a resumed run always plans again
 * against what the earlier run left. On AWS the job runs in its own function, which never finds one.
 */
const maxAgeMs = 10_000;
/** A burst of different uploads keeps only the latest few plans (a 5,000-student plan is tens of MB). */
const maxKept = 2;

interface Kept {
  actorId: string;
  prepared: Prepared;
  at: number;
}

const kept = new Map<string, Kept>();

function dropExpired(now: number) {
  for (const [hash, entry] of kept) if (now - entry.at > maxAgeMs) kept.delete(hash);
}

export function keepPlan(contentHash: string, actorId: string, prepared: Prepared) {
  const now = Date.now();
  dropExpired(now);
  kept.delete(contentHash);
  kept.set(contentHash, { actorId, prepared, at: now });
  // A Map iterates in insertion order: the first keys are the oldest.
  for (const hash of [...kept.keys()].slice(0, Math.max(0, kept.size - maxKept))) kept.delete(hash);
}

/** The plan checked for these files by this actor in the last few seconds, at most once. */
export function takePlan(contentHash: string, actorId: string) {
  dropExpired(Date.now());
  const entry = kept.get(contentHash);
  kept.delete(contentHash);
  return entry && entry.actorId === actorId ? entry.prepared : undefined;
}
