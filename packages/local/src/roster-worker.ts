import { Worker, isMainThread, parentPort, workerData, SHARE_ENV } from "node:worker_threads";
import type { UserActor } from "@fidelio/core/actor";
import { VisibleError } from "@fidelio/core/error";
import type { ImportCheck } from "@fidelio/core/roster/prepare";
import { RosterRunner } from "@fidelio/core/roster/runner";

/**
 * Roster imports on one long-lived worker thread of the local server: the core's `RosterRunner.check`
 * and `RosterRunner.run`, off the event loop that answers requests, so parsing, planning and marshalling
 * 5,000 students do not stall everyone else (on AWS the job is its own function for the same reason).
 *
 * One thread, started with the stack, for both: an upload is checked and its job starts without loading
 * the code again, and the job finds the plan its check made there a moment before
 * (core/roster/kept-plans.ts). A burst of uploads queues on it instead of starting a thread each. If the
 * thread dies, the next upload starts another; a job it was running goes stale and is resumed.
 */
type Files = Array<{ name: string; bytes: Uint8Array }>;
type Task = { kind: "run"; jobId: string; options: { takeOver?: boolean } } | { kind: "check"; id: number; actor: UserActor; files: Files };
type Reply = { id: number } & ({ ok: ImportCheck } | { visible: ConstructorParameters<typeof VisibleError> } | { failed: string });

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (check: ImportCheck) => void; reject: (error: Error) => void }>();

function rosterWorker() {
  if (worker) return worker;
  const started = new Worker(new URL(import.meta.url), { workerData: { rosterWorker: true }, env: SHARE_ENV });
  started.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if ("ok" in reply) waiting.resolve(reply.ok);
    else if ("visible" in reply) waiting.reject(new VisibleError(...reply.visible));
    else waiting.reject(new Error(reply.failed));
  });
  started.on("error", (error) => console.error("the roster worker failed", error));
  started.on("exit", (code) => {
    if (worker === started) worker = undefined;
    for (const waiting of pending.values()) waiting.reject(new Error(`the roster worker stopped (exit code ${code})`));
    pending.clear();
  });
  // It never keeps the process alive by itself: a pending check has its request open anyway.
  started.unref();
  worker = started;
  return started;
}

/** Starts the thread ahead of the first upload (the stack calls it at start). */
export function startRosterWorker() {
  rosterWorker();
}

/** Stops the thread; a job it was running is resumed at the next start, as after a crash. */
export async function stopRosterWorker() {
  await worker?.terminate();
  worker = undefined;
}

export function runJobInWorker(jobId: string, options: { takeOver?: boolean } = {}) {
  rosterWorker().postMessage({ kind: "run", jobId, options } satisfies Task);
}

/** Checks an upload on the worker; a VisibleError (400 with every problem, 403...) comes back as one. */
export function checkInWorker(actor: UserActor, files: Files): Promise<ImportCheck> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    rosterWorker().postMessage({ kind: "check", id, actor, files } satisfies Task);
  });
}

if (!isMainThread && workerData?.rosterWorker) {
  const port = parentPort!;
  port.on("message", async (task: Task) => {
    if (task.kind === "run") return RosterRunner.inProcess(task.jobId, task.options);
    try {
      port.postMessage({ id: task.id, ok: await RosterRunner.check(task.actor, task.files) } satisfies Reply);
    } catch (error) {
      port.postMessage(
        error instanceof VisibleError
          ? { id: task.id, visible: [error.status, error.code, error.message, error.details] }
          : { id: task.id, failed: error instanceof Error ? error.message : String(error) },
      );
    }
  });
}
