import * as v from "valibot";
import { Role, UserActor } from "../actor";
import { itemType } from "../dynamo";
import { problemMessages } from "./problems";

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Counts = v.object({ created: Count, updated: Count, unchanged: Count });

const ImportSummary = v.object({
  ...Counts.entries,
  skipped: Count,
  revoked: Count,
  rolesEnded: v.array(v.object({ userId: v.string(), name: v.string(), roles: v.array(Role) })),
  rolesEndedCount: Count,
  byKind: v.record(v.string(), Counts),
});

const Problem = v.object({
  file: v.string(),
  line: v.number(),
  field: v.string(),
  code: v.picklist(Object.keys(problemMessages) as Array<keyof typeof problemMessages>),
  params: v.record(v.string(), v.union([v.string(), v.number()])),
  message: v.string(),
});

/** A stored roster import job, checked on every read (see job.ts for what each field is for). */
export const rosterJobItem = itemType(
  "roster job",
  v.object({
    id: v.string(),
    districtId: v.string(),
    actor: UserActor,
    status: v.picklist(["queued", "running", "done", "failed"]),
    createdAt: v.string(),
    updatedAt: v.string(),
    owner: v.optional(v.string()),
    heartbeatAt: v.optional(v.string()),
    contentHash: v.string(),
    progress: v.object({ done: Count, total: Count }),
    summary: v.optional(ImportSummary),
    error: v.optional(
      v.object({ status: v.number(), code: v.string(), message: v.string(), details: v.optional(v.array(Problem)) }),
    ),
    version: v.number(),
  }),
);

/** One chunk of an uploaded file, in the job's partition. */
export const rosterJobFileItem = itemType(
  "roster job file",
  v.object({ sk: v.string(), name: v.string(), bytes: v.instance(Uint8Array) }),
);

/** The sparse index entry of an open job. */
export const openRosterJobItem = itemType("open roster job", v.object({ id: v.string() }));
