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

const Mode = v.picklist(["bulk", "delta", "absent"]);

/** The plan shown before confirming (plan-view.ts), checked when read back from its parts. */
export const PlanViewSchema = v.object({
  ...Counts.entries,
  byKind: v.record(v.string(), Counts),
  skipped: Count,
  rolesEnded: v.array(
    v.object({
      userId: v.string(),
      name: v.string(),
      roles: v.array(Role),
      links: v.array(v.object({ studentId: v.string(), studentName: v.string(), kind: v.picklist(["guardian", "case_manager", "teacher"]) })),
    }),
  ),
  endingRoles: Count,
  endingLinks: Count,
  districtRoles: Count,
  needsTypedCount: v.boolean(),
  warnings: v.array(Problem),
  modes: v.record(v.string(), Mode),
});

/** A stored roster import job, checked on every read (see job.ts for what each field is for). */
export const rosterJobItem = itemType(
  "roster job",
  v.object({
    id: v.string(),
    districtId: v.string(),
    actor: UserActor,
    status: v.picklist(["queued", "running", "awaiting_confirmation", "done", "failed"]),
    createdAt: v.string(),
    updatedAt: v.string(),
    owner: v.optional(v.string()),
    heartbeatAt: v.optional(v.string()),
    contentHash: v.string(),
    progress: v.object({ done: Count, total: Count }),
    summary: v.optional(ImportSummary),
    error: v.optional(v.object({ status: v.number(), code: v.string(), message: v.string(), details: v.optional(v.array(Problem)) })),
    fingerprint: v.optional(v.string()),
    planParts: v.optional(Count),
    confirmedAt: v.optional(v.string()),
    confirmedBy: v.optional(v.string()),
    applyStartedAt: v.optional(v.string()),
    version: v.number(),
  }),
);

/** One chunk of an uploaded file, in the job's partition. */
export const rosterJobFileItem = itemType("roster job file", v.object({ sk: v.string(), name: v.string(), bytes: v.instance(Uint8Array) }));

/** One part of a job's plan (JSON), in the job's partition. */
export const rosterJobPlanItem = itemType("roster job plan", v.object({ sk: v.string(), bytes: v.instance(Uint8Array) }));

/** The sparse index entry of an open job. */
export const openRosterJobItem = itemType("open roster job", v.object({ id: v.string() }));
