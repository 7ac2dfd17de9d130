import { Worker, isMainThread, parentPort, workerData, SHARE_ENV } from "node:worker_threads";
import type { UserActor } from "@fidelio/core/actor";
import { VisibleError } from "@fidelio/core/error";
import { Roster } from "@fidelio/core/roster";
import { RosterRunner } from "@fidelio/core/roster/runner";

/**
 * Runs roster imports on worker threads of the local server: the same core `Roster.check` and
 * `RosterRunner.run`, off the event loop that answers requests, so parsing, planning and marshalling 5,000
 * students do not stall everyone else (on AWS the job is its own function for the same reason).
 */
type Task = { kind: "run"; jobId: string; options: { takeOver?: boolean } } | { kind: "check"; actor: UserActor; files: Array<{ name: string; bytes: Uint8Array }> };

export function runJobInWorker(jobId: string, options: { takeOver?: boolean } = {}) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { kind: "run", jobId, options } satisfies Task, env: SHARE_ENV });
  worker.on("error", (error) => console.error(`roster job ${jobId} failed on its worker`, error));
  worker.unref();
}

/** Checks an upload on a worker thread; a VisibleError (400 with every problem, 403...) comes back as one. */
export function checkInWorker(actor: UserActor, files: Array<{ name: string; bytes: Uint8Array }>): ReturnType<typeof Roster.check> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { kind: "check", actor, files } satisfies Task, env: SHARE_ENV });
    worker.once("message", (message: { ok: Awaited<ReturnType<typeof Roster.check>> } | { visible: ConstructorParameters<typeof VisibleError> } | { failed: string }) => {
      if ("ok" in message) resolve(message.ok);
      else if ("visible" in message) reject(new VisibleError(...message.visible));
      else reject(new Error(message.failed));
    });
    worker.once("error", reject);
  });
}

if (!isMainThread && workerData?.kind) {
  const task = workerData as Task;
  if (task.kind === "run") await RosterRunner.run(task.jobId, task.options);
  else {
    try {
      parentPort!.postMessage({ ok: await Roster.check(task.actor, task.files) });
    } catch (error) {
      parentPort!.postMessage(
        error instanceof VisibleError ? { visible: [error.status, error.code, error.message, error.details] } : { failed: error instanceof Error ? error.message : String(error) },
      );
    }
  }
}
