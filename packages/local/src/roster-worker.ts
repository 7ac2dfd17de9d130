import { Worker, isMainThread, workerData, SHARE_ENV } from "node:worker_threads";
import { Roster } from "@fidelio/core/roster";

/**
 * Runs roster import jobs on a worker thread of the local server: the same core `Roster.run`, off the
 * event loop that answers requests, so parsing, planning and marshalling 5,000 students do not stall
 * everyone else (on AWS the job is its own function for the same reason).
 */
export function runJobInWorker(jobId: string, options: { takeOver?: boolean } = {}) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { jobId, options }, env: SHARE_ENV });
  worker.on("error", (error) => console.error(`roster job ${jobId} failed on its worker`, error));
  worker.unref();
}

if (!isMainThread && workerData?.jobId) {
  await Roster.run(workerData.jobId as string, workerData.options as { takeOver?: boolean });
}
