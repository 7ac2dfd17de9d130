import * as v from "valibot";
import { ApplyOutcomeInput, Position, PrepareLevelInput, RecordFailureInput, WaitForAnswerInput, Waiting } from "./schema";
import { steps } from "./steps";

export * from "./schema";
export { provideWorkflowSteps, type WorkflowSteps } from "./steps";

/**
 * What each task Lambda calls with its raw event. Inputs and outputs are both checked: the state
 * machine routes on `next` and reads `wait.timeoutSeconds`, so a step that answers anything else
 * fails here, visibly, and the execution goes to its record-failure path.
 */
export namespace Workflow {
  export async function prepareLevel(event: unknown): Promise<Waiting> {
    return v.parse(Waiting, await steps.prepareLevel(v.parse(PrepareLevelInput, event)));
  }

  export async function waitForAnswer(event: unknown): Promise<void> {
    await steps.waitForAnswer(v.parse(WaitForAnswerInput, event));
  }

  export async function applyOutcome(event: unknown): Promise<Position> {
    return v.parse(Position, await steps.applyOutcome(v.parse(ApplyOutcomeInput, event)));
  }

  export async function recordFailure(event: unknown): Promise<void> {
    await steps.recordFailure(v.parse(RecordFailureInput, event));
  }
}
