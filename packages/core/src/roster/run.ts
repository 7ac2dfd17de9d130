import { createHash, randomUUID } from "node:crypto";
import { VisibleError } from "../error";
import { applyPlan } from "./apply";
import { takePlan } from "./kept-plans";
import { heartbeatMs, isOpen, isStale, loadFiles, loadJob, saveJob, type RosterJob } from "./job";
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
 * Runs (or resumes) a roster job to its end. It claims the job, plans against the table as it is now
 * (what an earlier, interrupted run committed is already there and is not written again; a first run
 * may use the plan its upload's check just made, see kept-plans.ts), writes,
 * and records progress and a heartbeat as it goes. Without `takeOver` it leaves a job that another
 * live run holds; `takeOver` is for a start-up that knows every earlier run is dead.
 */
export async function runJob(jobId: string, options: { takeOver?: boolean } = {}): Promise<RosterJob | undefined> {
  const found = await loadJob(jobId);
  if (!found || !isOpen(found)) return found;
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
    // The first run may find the plan its upload's check made moments ago in this process (kept-plans.ts).
    const kept = job.summary ? undefined : takePlan(job.contentHash, job.actor.userId);
    const { plan, summary } = kept ?? (await prepareImport(job.actor, await loadFiles(jobId)));
    const remaining = planSize(plan);
    // The first plan is the job's summary; a resumed run finds part of it written and counts that as done.
    if (job.summary) done = Math.max(0, job.progress.total - remaining);
    else done = 0;
    await save(() => (job!.summary ? { progress: { total: job!.progress.total, done } } : { summary, progress: { total: remaining, done } }));
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
