import { createHash } from "node:crypto";
import type { UserActor } from "../actor";
import * as v from "valibot";
import { batchDelete, batchPut, deleteAtVersion, getItem, keys, putAtVersion, putNew, queryAll, RosterJobItems, transact } from "../dynamo";
import { VisibleError, isConditionFailure } from "../error";
import { newId } from "../id";
import type { RosterProblem } from "./problems";
import type { ImportSummary, JobView } from "./index";
import { PlanViewSchema, openRosterJobItem, rosterJobFileItem, rosterJobItem, rosterJobPlanItem } from "./job-item";
import type { PlanView } from "./plan-view";
import { mapLimit } from "../concurrency";
import { clock } from "../clock";

/**
 * queued -> running (planning) -> awaiting_confirmation -> (confirmed) queued -> running (writing) ->
 * done; or failed. Nothing is written before the administrator confirms the plan.
 */
export type JobStatus = "queued" | "running" | "awaiting_confirmation" | "done" | "failed";

/**
 * A roster import as a job: the uploaded files live in the job's partition (chunks under 350 KB), so
 * whichever process runs the job (a background task locally, its own Lambda on AWS) needs nothing but
 * the job id. Every save is conditional on `version`: a worker that lost the job cannot overwrite it.
 */
export interface RosterJob {
  id: string;
  districtId: string;
  /** Who imported: the audit entries name them, whichever process writes. */
  actor: UserActor;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
  /** The run that holds the job and when it last said so; a silent owner is presumed dead (see isStale). */
  owner?: string;
  heartbeatAt?: string;
  contentHash: string;
  progress: { done: number; total: number };
  summary?: ImportSummary;
  error?: { status: number; code: string; message: string; details?: RosterProblem[] };
  /** Which plan the administrator was shown (plan-view.ts, planFingerprint); confirming checks it still holds. */
  fingerprint?: string;
  /** How many parts the shown plan is stored in (keys.rosterJobPlanPart). */
  planParts?: number;
  confirmedAt?: string;
  confirmedBy?: string;
  /** Set when the first writing run starts: a later run resumes it (plans again against what it wrote). */
  applyStartedAt?: string;
  version: number;
}

export const viewOf = ({ id, status, createdAt, progress, summary, error, confirmedAt }: RosterJob, plan?: PlanView): JobView => ({
  id,
  status,
  createdAt,
  progress,
  summary,
  error,
  ...(confirmedAt && { confirmedAt }),
  ...(plan && { plan }),
});

export const heartbeatMs = 2_000;
/** A running job silent this long lost its process (kill -9, a Lambda timeout); it may be taken over. */
export const staleMs = 20_000;

const chunkBytes = 300 * 1024;

/** A job with a run to make (planning or writing). */
export const isActive = (job: RosterJob) => job.status === "queued" || job.status === "running";
/** A job that holds the district's import slot: active, or a plan waiting for the administrator. */
export const isOpen = (job: RosterJob) => isActive(job) || job.status === "awaiting_confirmation";

export const isStale = (job: RosterJob, now = clock.ms()) => isActive(job) && now - Date.parse(job.heartbeatAt ?? job.createdAt) > staleMs;

/** The same files in any order give the same hash: a re-upload after a crash finds its job. */
export function contentHash(files: Array<{ name: string; bytes: Uint8Array }>) {
  const digests = files.map((f) => `${f.name.toLowerCase()}:${createHash("sha256").update(f.bytes).digest("hex")}`).sort();
  return createHash("sha256").update(digests.join("\n")).digest("hex");
}

function toItem(job: RosterJob) {
  return {
    ...keys.rosterJob(job.id),
    ...(isOpen(job) && keys.openRosterJob(job.districtId, job.createdAt, job.id)),
    type: "roster-job",
    ...job,
  };
}

/**
 * The district's import slot names its latest job. A new job takes it in the same transaction that
 * creates the job, only if it still names the job the caller saw (none, or one that ended or went
 * stale): of two uploads that both found no import running, one gets 409.
 */
export async function slotHolder(districtId: string): Promise<string | undefined> {
  const slot = await getItem(keys.rosterSlot(districtId), true);
  return slot ? String(slot.jobId) : undefined;
}

/**
 * Stores the files, then the job with the district's slot (see slotHolder): a job never names files
 * that are not there yet. Losing the slot to another upload removes the files again and answers 409.
 */
export async function createJob(
  actor: UserActor,
  files: Array<{ name: string; bytes: Uint8Array }>,
  hash: string,
  total: number,
  slotSeen: string | undefined,
): Promise<RosterJob> {
  const id = newId("rjb");
  const chunks = files.flatMap((file, index) =>
    Array.from({ length: Math.max(1, Math.ceil(file.bytes.byteLength / chunkBytes)) }, (_, part) => ({
      ...keys.rosterJobFile(id, index, part),
      type: "roster-job-file",
      name: file.name,
      bytes: file.bytes.subarray(part * chunkBytes, (part + 1) * chunkBytes),
    })),
  );
  // 25 items of 300 KB stay under BatchWriteItem's 16 MB.
  await mapLimit(
    Array.from({ length: Math.ceil(chunks.length / 25) }, (_, i) => chunks.slice(i * 25, i * 25 + 25)),
    2,
    (batch) => batchPut(batch),
  );
  const now = clock.iso();
  const job: RosterJob = {
    id,
    districtId: actor.districtId,
    actor,
    status: "queued",
    createdAt: now,
    updatedAt: now,
    contentHash: hash,
    progress: { done: 0, total },
    version: 1,
  };
  try {
    await transact([putNew(toItem(job)), RosterJobItems.takeSlot(actor.districtId, id, slotSeen)]);
  } catch (error) {
    // Cancelled on the slot's condition, or on a conflict with the transaction that took it.
    if (!(error instanceof Error && error.name === "TransactionCanceledException")) throw error;
    await batchDelete(chunks.map(({ pk, sk }) => ({ pk, sk })));
    throw new VisibleError(409, "import_running", "Another roster import is running for this district; wait for it to finish, then upload again");
  }
  return job;
}

export async function loadJob(id: string): Promise<RosterJob | undefined> {
  return getItem(rosterJobItem, keys.rosterJob(id), true);
}

export async function loadFiles(id: string) {
  const chunks = await queryAll(rosterJobFileItem, keys.rosterJobFiles(id));
  const files = new Map<string, { name: string; parts: Uint8Array[] }>();
  for (const chunk of chunks) {
    const fileKey = chunk.sk.split("#")[1]!;
    const file = files.get(fileKey) ?? files.set(fileKey, { name: chunk.name, parts: [] }).get(fileKey)!;
    file.parts.push(chunk.bytes);
  }
  return [...files.values()].map(({ name, parts }) => ({ name, bytes: Buffer.concat(parts) }));
}

/** Unfinished jobs (of one district, or all): the sparse index holds only open jobs. */
export async function openJobs(districtId?: string): Promise<RosterJob[]> {
  const found = await queryAll(openRosterJobItem, keys.openRosterJobs(districtId));
  const jobs = await Promise.all(found.map((item) => loadJob(String(item.id))));
  return jobs.filter((job): job is RosterJob => Boolean(job && isOpen(job)));
}

/** Saves a change if nobody saved since `job` was read; undefined when someone did. */
export async function saveJob(job: RosterJob, change: Partial<RosterJob>): Promise<RosterJob | undefined> {
  const next: RosterJob = { ...job, ...change, updatedAt: clock.iso(), version: job.version + 1 };
  try {
    await putAtVersion(toItem(next), job.version);
    return next;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Stores the plan shown to the administrator in parts; answers how many. Parts left from an earlier run are overwritten. */
export async function storePlan(jobId: string, plan: PlanView): Promise<number> {
  const bytes = new TextEncoder().encode(JSON.stringify(plan));
  const parts = Array.from({ length: Math.max(1, Math.ceil(bytes.byteLength / chunkBytes)) }, (_, part) => ({
    ...keys.rosterJobPlanPart(jobId, part),
    type: "roster-job-plan",
    bytes: bytes.subarray(part * chunkBytes, (part + 1) * chunkBytes),
  }));
  await mapLimit(
    Array.from({ length: Math.ceil(parts.length / 25) }, (_, i) => parts.slice(i * 25, i * 25 + 25)),
    2,
    (batch) => batchPut(batch),
  );
  return parts.length;
}

export async function loadPlan(job: RosterJob): Promise<PlanView | undefined> {
  if (!job.planParts) return undefined;
  const parts = (await queryAll(rosterJobPlanItem, keys.rosterJobPlanParts(job.id))).slice(0, job.planParts);
  if (parts.length < job.planParts) return undefined;
  return v.parse(PlanViewSchema, JSON.parse(new TextDecoder().decode(Buffer.concat(parts.map((part) => part.bytes))))) as PlanView;
}

/** Removes a job's uploaded files and stored plan. */
export async function removeJobData(jobId: string) {
  const items = [...(await queryAll(keys.rosterJobFiles(jobId))), ...(await queryAll(keys.rosterJobPlanParts(jobId)))];
  for (let i = 0; i < items.length; i += 25) await batchDelete(items.slice(i, i + 25).map((item) => ({ pk: String(item.pk), sk: String(item.sk) })));
}

/** Deletes the job item if nobody saved it since `job` was read; false when someone did. */
export async function deleteJob(job: RosterJob): Promise<boolean> {
  try {
    await deleteAtVersion(keys.rosterJob(job.id), job.version);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
