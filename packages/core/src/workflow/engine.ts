import type { Answer, ExecutionInput } from "./schema";
import { awsWorkflowEngine } from "./aws-engine";

/**
 * How the API starts and resumes escalations, the same on AWS (Step Functions) and locally (the
 * runner in packages/local/src/workflow, registered by the local stack).
 */
export interface WorkflowEngine {
  /**
   * Starts the execution `name` (the concern id). While an execution of that name runs, starting
   * it again does nothing. A finished name cannot start again (ExecutionAlreadyExists), as on AWS.
   */
  start(name: string, input: ExecutionInput): Promise<void>;
  /** Completes the wait holding `token` with `output`. A used, expired or unknown token throws (see isStaleTaskToken). */
  sendTaskSuccess(token: string, output: Answer | { kind: "resume" }): Promise<void>;
  /** Fails the wait holding `token`; the execution takes its record-failure path. */
  sendTaskFailure(token: string, failure: { error: string; cause?: string }): Promise<void>;
}

/** Step Functions' names for a token that no wait holds any more (answered, timed out, unknown). */
const staleTokenErrors = new Set(["TaskTimedOut", "TaskDoesNotExist", "InvalidToken"]);

/** True when an answer came too late or twice: the API answers 409, the concern already moved on. */
export const isStaleTaskToken = (error: unknown) => error instanceof Error && staleTokenErrors.has(error.name);

let provided: WorkflowEngine | undefined;

/** The local stack registers its runner here; AWS needs no registration. */
export function provideWorkflowEngine(engine: WorkflowEngine | undefined) {
  provided = engine;
}

/** The registered engine, if any (without falling back to AWS): what a caller restores after a temporary one. */
export const providedWorkflowEngine = () => provided;

export function workflowEngine(): WorkflowEngine {
  provided ??= awsWorkflowEngine();
  return provided;
}
