import { isIdOf } from "../id";
import { Access } from "../access";
import type { UserActor, Role } from "../actor";
import { VisibleError, notFound } from "../error";
import { contentHash, createJob, isStale, loadJob, openJobs, saveJob, slotHolder, viewOf } from "./job";
import { checkImport, type ImportCheck } from "./prepare";
import { dispatchJob, resumeJobs, setJobDispatcher } from "./dispatch";
import type { RosterProblem } from "./problems";
import type { Counts } from "./plan";
import { clock } from "../clock";

export type { RosterProblem } from "./problems";

export interface ImportSummary extends Counts {
  /** Rows whose status is `tobedeleted`: skipped, nothing deleted (roles the roster gave the person end). */
  skipped: number;
  /** Relationships that ended (access removed): a teacher no longer in the student's classes, a guardian no longer listed. */
  revoked: number;
  /** People who lost roles the roster no longer grants (docs/roster-csv.md), with the roles that ended. */
  rolesEnded: Array<{ userId: string; name: string; roles: Role[] }>;
  rolesEndedCount: number;
  byKind: Record<string, Counts>;
}

/** What the API shows of an import job. */
export interface JobView {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  createdAt: string;
  /** People and students written so far, of all the job writes. */
  progress: { done: number; total: number };
  summary?: ImportSummary;
  error?: { status: number; code: string; message: string; details?: RosterProblem[] };
}
export { rosterFiles, rosterLimits } from "./files";

type Files = Array<{ name: string; bytes: Uint8Array }>;
type Check = (actor: UserActor, files: Files) => Promise<ImportCheck>;

/** Where uploads are checked: on this event loop by default; the local server uses a worker thread. */
let checker: Check = checkImport;

/** A started import: `id` is absent when the files change nothing, so there was no job to run. */
export type StartedImport = Omit<JobView, "id"> & { id?: string };

/**
 * District roster import: OneRoster 1.1 CSVs (separately or in one zip) plus Fidelio's own CSVs for
 * roles, caseloads and IEP items. Everything is validated first; with any problem nothing is written.
 * Records are matched by sourcedId, and only what changed is written, so re-importing is a no-op.
 * The writing runs as a job (see job.ts and run.ts): resumable, with bounded write concurrency. This
 * namespace is what the API needs (checks, queueing, progress); running a job is `RosterRunner`'s
 * (runner.ts), which the API's bundle leaves out.
 */
export namespace Roster {
  /**
   * Validates at once (400 with every problem, nothing written), then queues the writing as a job and
   * hands it to `dispatch`. The same files uploaded again while their job is unfinished return that
   * job, and revive it if its process died.
   */
  export async function startImport(actor: UserActor, files: Files, dispatch = dispatchJob): Promise<StartedImport> {
    Access.requireAction(actor, "roster.import");
    const { summary, total, empty } = await checker(actor, files);
    const hash = contentHash(files);
    // Read before the open jobs: a job created after this read makes the slot's condition fail (job.ts).
    const slotSeen = await slotHolder(actor.districtId);
    const open = await openJobs(actor.districtId);
    const same = open.find((job) => job.contentHash === hash);
    if (same) {
      if (isStale(same) || !same.owner) dispatch(same.id);
      return viewOf(same);
    }
    if (empty) return { status: "done", createdAt: clock.iso(), progress: { done: 0, total: 0 }, summary };
    if (open.some((job) => !isStale(job))) {
      throw new VisibleError(409, "import_running", "Another roster import is running for this district; wait for it to finish, then upload again");
    }
    // A dead import of other files is superseded: the new one is planned against what it left.
    for (const job of open) {
      await saveJob(job, { status: "failed", owner: undefined, error: { status: 409, code: "superseded", message: "Replaced by a newer import of other files" } });
    }
    const job = await createJob(actor, files, hash, total, slotSeen);
    dispatch(job.id);
    return viewOf(job);
  }

  /** A job of the caller's district; a job whose process died is started again on the way. */
  export async function job(actor: UserActor, jobId: string): Promise<JobView> {
    Access.requireAction(actor, "roster.import");
    const found = isIdOf("rjb", jobId) ? await loadJob(jobId) : undefined;
    if (!found || found.districtId !== actor.districtId) throw notFound("Import job");
    if (isStale(found)) dispatchJob(found.id);
    return viewOf(found);
  }

  export const resumeUnfinished = resumeJobs;
  export const setDispatcher = setJobDispatcher;
  export const check = checkImport;
  export function setChecker(check: Check) {
    checker = check;
  }
}
