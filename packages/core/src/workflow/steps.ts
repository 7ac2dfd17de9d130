import { concernSteps } from "../concern/steps";
import type { ApplyOutcomeInput, Position, PrepareLevelInput, RecordFailureInput, WaitForAnswerInput, Waiting } from "./schema";

/**
 * The escalation's domain steps, one per task Lambda. Each reads the concern first and is
 * idempotent: Step Functions retries tasks, and an execution started again for an open concern
 * replays from its first state.
 */
export interface WorkflowSteps {
  /** Assigns the next level (or confirms the current one after a restart), computes its deadline in school days, appends the event and queues the recap emails. */
  prepareLevel(input: PrepareLevelInput): Promise<Waiting>;
  /** Stores the task token on the concern, replacing an older one; the answer arrives through WorkflowEngine.sendTaskSuccess. */
  waitForAnswer(input: WaitForAnswerInput): Promise<void>;
  /** Applies what happened (resume, answer, timeout) and says what comes next. */
  applyOutcome(input: ApplyOutcomeInput): Promise<Position>;
  /** Appends the failure to the concern's timeline and queues an email to the district admin. */
  recordFailure(input: RecordFailureInput): Promise<void>;
}

/* The concern module's steps (packages/core/src/concern/steps.ts), so each Lambda bundle has them with no start-up registration. */
let provided: WorkflowSteps = concernSteps;

/** Replaces the steps (the workflow tests provide their own); returns a function that restores the previous ones. */
export function provideWorkflowSteps(steps: WorkflowSteps): () => void {
  const previous = provided;
  provided = steps;
  return () => {
    provided = previous;
  };
}

/** What the task handlers call: always the steps provided at call time. */
export const steps: WorkflowSteps = {
  prepareLevel: (input) => provided.prepareLevel(input),
  waitForAnswer: (input) => provided.waitForAnswer(input),
  applyOutcome: (input) => provided.applyOutcome(input),
  recordFailure: (input) => provided.recordFailure(input),
};
