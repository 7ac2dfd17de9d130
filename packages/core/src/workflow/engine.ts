import type { Answer, ExecutionInput } from "./schema";

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
let onAws: WorkflowEngine | undefined;

/** The local stack registers its runner here (and a script its stand-in); it wins over the AWS engine. */
export function provideWorkflowEngine(engine: WorkflowEngine | undefined) {
  provided = engine;
}

/**
 * What a Lambda uses when nothing was provided: Step Functions itself. Each Lambda entry that starts
 * or resumes an execution sets it (packages/functions/src/aws/step-functions.ts), so core carries no
 * AWS client for it.
 */
export function setAwsWorkflowEngine(engine: WorkflowEngine) {
  onAws = engine;
}

/** The registered engine, if any (without falling back to AWS): what a caller restores after a temporary one. */
export const providedWorkflowEngine = () => provided;

export function workflowEngine(): WorkflowEngine {
  provided ??= onAws;
  if (!provided) throw new Error("No workflow engine: the local stack provides its runner, a Lambda sets Step Functions (setAwsWorkflowEngine)");
  return provided;
}
