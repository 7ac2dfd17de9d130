import * as v from "valibot";
import { actions, levels, waitKinds } from "../concern/lifecycle";

/**
 * The payloads the escalation state machine (infra/workflow.ts) passes to its task Lambdas and
 * back. No AWS imports: the API and the web reuse the answer shapes.
 *
 * Every step answers with where the concern stands (`Position`); the state machine only routes
 * on `next` and reads `wait.timeoutSeconds`. Everything else lives on the concern item.
 */

const ConcernId = v.pipe(v.string(), v.nonEmpty("Required"), v.maxLength(80), v.regex(/^[A-Za-z0-9_-]+$/, "An id usable as an execution name"));
const Instant = v.pipe(v.string(), v.isoTimestamp("An ISO 8601 instant"));

export const EscalationLevel = v.picklist(levels);
export type EscalationLevel = v.InferOutput<typeof EscalationLevel>;

/** Standard executions end after one year: no wait may outlast that. */
export const maxWaitSeconds = 365 * 24 * 60 * 60;

/** The one input of an execution; its name is the concern id too. */
export const ExecutionInput = v.object({ concernId: ConcernId });
export type ExecutionInput = v.InferOutput<typeof ExecutionInput>;

/** A callback wait: who must answer, until when. */
export const WaitSpec = v.object({
  /** The assignee at `level`, or the parent (confirming a resolution, or answering a request for information). */
  for: v.picklist(waitKinds),
  level: EscalationLevel,
  /** When the wait ends by itself (outcome "timeout"): the end of a school day, from core's calendar. */
  deadline: Instant,
  /** Seconds from the moment the step answered until `deadline`; the state's TimeoutSecondsPath. */
  timeoutSeconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(maxWaitSeconds)),
});
export type WaitSpec = v.InferOutput<typeof WaitSpec>;

/** Where a concern stands; the state machine's Route state switches on `next`. */
export const Position = v.variant("next", [
  v.object({ concernId: ConcernId, next: v.literal("prepare") }),
  v.object({ concernId: ConcernId, next: v.literal("wait"), wait: WaitSpec }),
  v.object({ concernId: ConcernId, next: v.literal("closed") }),
]);
export type Position = v.InferOutput<typeof Position>;

/** Preparing a level always ends in a wait for its assignee. */
export const Waiting = v.object({ concernId: ConcernId, next: v.literal("wait"), wait: WaitSpec });
export type Waiting = v.InferOutput<typeof Waiting>;

export const PrepareLevelInput = v.object({ concernId: ConcernId });
export type PrepareLevelInput = v.InferOutput<typeof PrepareLevelInput>;

export const WaitForAnswerInput = v.object({
  concernId: ConcernId,
  wait: WaitSpec,
  /** Resumes the execution (SendTaskSuccess); store it on the concern, replacing any older one. */
  taskToken: v.pipe(v.string(), v.nonEmpty()),
});
export type WaitForAnswerInput = v.InferOutput<typeof WaitForAnswerInput>;

export const WorkflowAction = v.picklist(actions);
export type WorkflowAction = v.InferOutput<typeof WorkflowAction>;

/** What the API sends with SendTaskSuccess once it has recorded the action on the concern. */
export const Answer = v.object({
  kind: v.literal("answer"),
  action: WorkflowAction,
  /** The timeline event that recorded the action, so applying it twice is recognisable. */
  eventId: v.optional(v.pipe(v.string(), v.maxLength(80))),
});
export type Answer = v.InferOutput<typeof Answer>;

/**
 * What happened since the last position:
 * - resume: the first state of every execution; nothing new, carry on from what the concern
 *   records (including an answer recorded whose execution stopped before applying it);
 * - answer: the wait's SendTaskSuccess output;
 * - timeout: the deadline passed. Step Functions hands the caught error ({Error, Cause}) over;
 *   the schema turns it into {kind: "timeout"}.
 */
export const Outcome = v.union([
  v.object({ kind: v.literal("resume") }),
  Answer,
  v.pipe(
    v.object({ Error: v.literal("States.Timeout"), Cause: v.optional(v.unknown()) }),
    v.transform(() => ({ kind: "timeout" as const })),
  ),
]);
export type Outcome = v.InferOutput<typeof Outcome>;

export const ApplyOutcomeInput = v.object({ concernId: ConcernId, outcome: Outcome });
export type ApplyOutcomeInput = v.InferOutput<typeof ApplyOutcomeInput>;

/** A step failed after its retries; Step Functions' caught error, as is. */
export const RecordFailureInput = v.object({
  concernId: ConcernId,
  executionName: v.string(),
  failure: v.object({ Error: v.string(), Cause: v.optional(v.unknown()) }),
});
export type RecordFailureInput = v.InferOutput<typeof RecordFailureInput>;
