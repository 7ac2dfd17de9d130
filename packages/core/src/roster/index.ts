import * as v from "valibot";
import { isIdOf } from "../id";
import { Access } from "../access";
import type { UserActor, Role } from "../actor";
import { VisibleError, notFound } from "../error";
import {
  contentHash,
  createJob,
  deleteJob,
  isActive,
  isStale,
  loadFiles,
  loadJob,
  loadPlan,
  openJobs,
  removeJobData,
  saveJob,
  slotHolder,
  viewOf,
  type RosterJob,
} from "./job";
import type { PlanView } from "./plan-view";
import { checkImport, type ImportCheck } from "./prepare";
import { dispatchJob, setJobDispatcher } from "./dispatch";
import { resumeJobs } from "./resume";
import type { RosterProblem } from "./problems";
import type { Counts } from "./plan";
import { clock } from "../clock";
import { peopleWithoutEmail } from "./without-email";

export type { RosterProblem } from "./problems";
export type { PlanView, PersonEnding } from "./plan-view";
export type { WithoutEmail } from "./without-email";

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
  status: "queued" | "running" | "awaiting_confirmation" | "done" | "failed";
  createdAt: string;
  /** People and students written so far, of all the job writes. */
  progress: { done: number; total: number };
  summary?: ImportSummary;
  /** Once planned: what the import would do, to confirm (plan-view.ts). */
  plan?: PlanView;
  confirmedAt?: string;
  error?: { status: number; code: string; message: string; details?: RosterProblem[] };
}
export { rosterFiles, rosterLimits } from "./files";

/** A confirmation of a plan; `endCount` is the number of roles that end, typed when the plan ends more than a tenth of the district's. */
export const RosterConfirm = v.object({ endCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) });

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
      if (isActive(same) && (isStale(same) || !same.owner)) dispatch(same.id);
      return viewOf(same, await loadPlan(same));
    }
    if (empty) return { status: "done", createdAt: clock.iso(), progress: { done: 0, total: 0 }, summary };
    if (open.some((job) => isActive(job) && !isStale(job))) {
      throw new VisibleError(409, "import_running", "Another roster import is running for this district; wait for it to finish, then upload again");
    }
    // A dead import of other files, or a plan nobody confirmed, is superseded: the new one is planned against what is written.
    for (const job of open) {
      const ended = await saveJob(job, {
        status: "failed",
        owner: undefined,
        error: { status: 409, code: "superseded", message: "Replaced by a newer import of other files" },
      });
      if (ended && !job.applyStartedAt) await removeJobData(job.id);
    }
    const job = await createJob(actor, files, hash, total, slotSeen);
    dispatch(job.id);
    return viewOf(job);
  }

  async function districtJob(actor: UserActor, jobId: string): Promise<RosterJob> {
    Access.requireAction(actor, "roster.import");
    const found = isIdOf("rjb", jobId) ? await loadJob(jobId) : undefined;
    if (!found || found.districtId !== actor.districtId) throw notFound("Import job");
    return found;
  }

  /** A job of the caller's district, with its plan once planned; a job whose process died is started again on the way. */
  export async function job(actor: UserActor, jobId: string): Promise<JobView> {
    const found = await districtJob(actor, jobId);
    if (isStale(found)) dispatchJob(found.id);
    return viewOf(found, await loadPlan(found));
  }

  const outdated = () =>
    new VisibleError(
      409,
      "plan_outdated",
      "The district's data changed since this plan was made (a record in it was changed by someone else); upload the files again to see a new plan",
    );

  /**
   * Applies the plan the administrator saw (docs/roster-csv.md, "Plan, then confirm"). A plan that ends
   * more than a tenth of the district's roles needs their number typed (`endCount`; 422 without it).
   * The files are planned again against the district as it is now: a different plan means its data
   * changed since, and the job ends with 409 (upload again to plan again). Otherwise the job is queued
   * to write, and the run that writes uses this very plan.
   */
  export async function confirm(actor: UserActor, jobId: string, input: { endCount?: number }, dispatch = dispatchJob): Promise<JobView> {
    const found = await districtJob(actor, jobId);
    if (found.status !== "awaiting_confirmation" || !found.fingerprint) {
      throw new VisibleError(
        409,
        "not_awaiting_confirmation",
        `This import is ${found.status.replace("_", " ")}; only a plan awaiting confirmation can be confirmed`,
      );
    }
    const plan = await loadPlan(found);
    if (plan?.needsTypedCount && input.endCount !== plan.endingRoles) {
      throw new VisibleError(
        422,
        "end_count_required",
        `This import ends ${plan.endingRoles} roles, more than a tenth of the district's: type that number to confirm`,
        [{ file: "", line: 0, field: "endCount", code: "required", params: {}, message: `Type ${plan.endingRoles}` }],
      );
    }
    let fingerprint: string | undefined;
    try {
      fingerprint = (await checker(found.actor, await loadFiles(found.id))).fingerprint;
    } catch (error) {
      // The same files now have problems (an email taken since, say): the district changed.
      if (!(error instanceof VisibleError && error.status === 400)) throw error;
    }
    if (fingerprint !== found.fingerprint) {
      const error = outdated();
      if (await saveJob(found, { status: "failed", error: { status: 409, code: error.code, message: error.message } })) await removeJobData(found.id);
      throw error;
    }
    const confirmed = await saveJob(found, { status: "queued", confirmedAt: clock.iso(), confirmedBy: actor.userId });
    if (!confirmed) throw new VisibleError(409, "not_awaiting_confirmation", "This import was changed meanwhile (confirmed or discarded); look at it again");
    dispatch(confirmed.id);
    return viewOf(confirmed, plan);
  }

  /** Discards a job that is not running: its plan, its stored files and the job itself. Writes already made stay. */
  export async function discard(actor: UserActor, jobId: string): Promise<void> {
    const found = await districtJob(actor, jobId);
    if (isActive(found)) {
      throw new VisibleError(409, "import_running", "This import is running; wait for it to finish, then discard it");
    }
    if (!(await deleteJob(found))) throw new VisibleError(409, "job_changed", "This import changed meanwhile; look at it again");
    await removeJobData(found.id);
  }

  /** The district's roster accounts without an email: unable to sign in until an import gives one. */
  export const withoutEmail = peopleWithoutEmail;

  export const resumeUnfinished = resumeJobs;
  export const setDispatcher = setJobDispatcher;
  export const check = checkImport;
  export function setChecker(check: Check) {
    checker = check;
  }
}
