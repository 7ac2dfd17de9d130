import { createHash, randomUUID } from "node:crypto";
import { VisibleError } from "../error";
import { applyPlan } from "./apply";
import { takePlan } from "./kept-plans";
import { heartbeatMs, isActive, isStale, loadFiles, loadJob, saveJob, storePlan, type RosterJob } from "./job";
import { planSize } from "./plan";
import { prepareImport } from "./prepare";
import type { Dispatch } from "./dispatch";
import { clock } from "../clock";

class LostJob extends Error {}

/** A student's audit entry in a job has a key fixed by the job: written at most once, whichever run writes it. */
const auditKeyOf = (job: RosterJob) => (studentId: string) => ({
  id: `aud_${createHash("sha256").update(`${job.id} ${studentId}`).digest("hex").slice(0, 26)}`,
  at: job.createdAt,
});

/**
 * Runs (or resumes) a roster job's next step. Before confirmation it plans and stops: the plan is
 * stored for the administrator and the job waits (`awaiting_confirmation`); nothing is written. Once
 * confirmed it writes the plan, whose fingerprint must still be the confirmed one (else 409: the
 * district changed), and records progress and a heartbeat as it goes. A resumed writing run plans
 * against the table as it is now: what an earlier, interrupted run committed is already there and is
 * not written again. A run may use a plan a check just made (kept-plans.ts). Without `takeOver` it
 * leaves a job that another live run holds; `takeOver` is for a start-up that knows every earlier run is dead.
 */
export async function runJob(jobId: string, options: { takeOver?: boolean } = {}): Promise<RosterJob | undefined> {
  const found = await loadJob(jobId);
  if (!found || !isActive(found)) return found;
  if (found.owner && !isStale(found) && !options.takeOver) return found;
  const owner = randomUUID();
  let job = await saveJob(found, { status: "running", owner, heartbeatAt: clock.iso() });
  if (!job) return loadJob(jobId);

  // Every save goes through one chain, so a heartbeat and a progress save never race each other.
  let saves: Promise<unknown> = Promise.resolve();
  let lost = false;
  let done = job.progress.done;
  const save = (change: () => Partial<RosterJob>) => {
    saves = saves.then(async () => {
      if (lost) return;
      const next = await saveJob(job!, { ...change(), heartbeatAt: clock.iso() });
      if (next) job = next;
      else lost = true;
    });
    return saves;
  };
  const timer = setInterval(() => void save(() => ({ progress: { ...job!.progress, done } })), heartbeatMs);
  try {
    if (!job.confirmedAt) {
      // Planning: the plan its upload's check made moments ago in this process, if kept (kept-plans.ts).
      const prepared = takePlan(job.contentHash, job.actor.userId) ?? (await prepareImport(job.actor, await loadFiles(jobId)));
      const planParts = await storePlan(jobId, prepared.view);
      clearInterval(timer);
      await save(() => ({
        status: "awaiting_confirmation",
        owner: undefined,
        summary: prepared.summary,
        fingerprint: prepared.fingerprint,
        planParts,
        progress: { total: planSize(prepared.plan), done: 0 },
      }));
      return lost ? loadJob(jobId) : job;
    }
    const first = !job.applyStartedAt;
    // The first writing run may find the plan the confirmation's check made (kept-plans.ts); it writes
    // it only if it is the plan confirmed. Otherwise it plans again, and a different plan is a 409.
    const kept = first ? takePlan(job.contentHash, job.actor.userId) : undefined;
    const prepared = kept && kept.fingerprint === job.fingerprint ? kept : await prepareImport(job.actor, await loadFiles(jobId));
    if (first && prepared.fingerprint !== job.fingerprint) {
      throw new VisibleError(
        409,
        "plan_outdated",
        "The district's data changed since this plan was made (a record in it was changed by someone else); upload the files again to see a new plan",
      );
    }
    const { plan } = prepared;
    const remaining = planSize(plan);
    // A resumed run finds part of the plan written and counts that as done.
    done = first ? 0 : Math.max(0, job.progress.total - remaining);
    await save(() => ({ applyStartedAt: job!.applyStartedAt ?? clock.iso(), progress: { total: job!.progress.total, done } }));
    await applyPlan(
      {
        actor: job.actor,
        auditKey: auditKeyOf(job),
        progressed: (count) => (done += count),
        checkOwned: () => {
          if (lost) throw new LostJob();
        },
      },
      plan,
    );
    clearInterval(timer);
    await save(() => ({ status: "done", owner: undefined, progress: { total: job!.progress.total, done: job!.progress.total } }));
  } catch (error) {
    clearInterval(timer);
    if (error instanceof LostJob || lost) return loadJob(jobId);
    const visible = error instanceof VisibleError;
    if (!visible) console.error(`roster job ${jobId} failed`, error);
    await save(() => ({
      status: "failed",
      owner: undefined,
      error: visible
        ? { status: error.status, code: error.code, message: error.message, details: error.details as never }
        : { status: 500, code: "internal", message: "The import stopped on an unexpected error; upload the same files again to finish it" },
    }));
  } finally {
    clearInterval(timer);
    await saves;
  }
  return lost ? loadJob(jobId) : job;
}

/** Starts a job on this event loop: the dispatcher of tests and scripts (see dispatch.ts). */
export const runInProcess: Dispatch = (jobId, options) => {
  void runJob(jobId, options).catch((error) => console.error(`roster job ${jobId} could not run`, error));
};
