import type { UserActor } from "../actor";
import { VisibleError, notFound } from "../error";
import { Roster, type ImportSummary } from "./index";
import { contentHash, isActive } from "./job";
import { keepPlan } from "./kept-plans";
import { checkOf, prepareImport, type ImportCheck } from "./prepare";
import { runInProcess, runJob } from "./run";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Running roster jobs: what the job's Lambda, the local worker thread, the demo seed and tests use. The
 * API does not import it (it only checks, queues and reports), so the writing stays out of its bundle.
 */
export namespace RosterRunner {
  /** Runs (or resumes) a job to its end; see run.ts. */
  export const run = runJob;
  /**
   * `Roster.check` for a process that also runs the jobs (the local server's roster worker): the plan is
   * kept for a few seconds, so the job these files start next writes it without planning again.
   */
  export async function check(actor: UserActor, files: Array<{ name: string; bytes: Uint8Array }>): Promise<ImportCheck> {
    const prepared = await prepareImport(actor, files);
    keepPlan(contentHash(files), actor.userId, prepared);
    return checkOf(prepared);
  }
  /** A dispatcher that runs jobs on this event loop, for tests and scripts. */
  export const inProcess = runInProcess;

  /**
   * The whole import in the caller's process, awaited: the demo seed and scripts use it. It confirms the
   * plan itself (typing the count when one is needed): a script has no one to show it to.
   */
  export async function importFiles(actor: UserActor, files: Array<{ name: string; bytes: Uint8Array }>): Promise<ImportSummary> {
    const started = await Roster.startImport(actor, files, () => undefined);
    if (!started.id) return started.summary!;
    const untilSettled = async () => {
      let job = await runJob(started.id!);
      while (job && isActive(job)) {
        await pause(200);
        job = await runJob(started.id!);
      }
      return job;
    };
    let job = await untilSettled();
    if (job?.status === "awaiting_confirmation") {
      const planned = await Roster.job(actor, job.id);
      await Roster.confirm(actor, job.id, { endCount: planned.plan?.endingRoles }, () => undefined);
      job = await untilSettled();
    }
    if (!job) throw notFound("Import job");
    if (job.error) throw new VisibleError(job.error.status as VisibleError["status"], job.error.code, job.error.message, job.error.details);
    return job.summary!;
  }
}
