import { dispatchJob } from "./dispatch";
import { isActive, isStale, openJobs } from "./job";

/**
 * Starts every unfinished job again, in the background (see the dispatcher). The local stack calls it at start with `takeOver`, since no run from
 * before the start can still be alive; without it, only jobs whose run went silent are picked up.
 */
export async function resumeJobs(options: { takeOver?: boolean } = {}) {
  // A plan awaiting confirmation has nothing to run until it is confirmed.
  const jobs = (await openJobs()).filter((job) => isActive(job) && (options.takeOver || isStale(job)));
  for (const job of jobs) dispatchJob(job.id, options);
  return jobs.length;
}
