import type { StateMachineDefinition } from "aws-local-stepfunctions";
import { Concern } from "@fidelio/core/concern";
import { Config } from "@fidelio/core/config";
import { synthesizedDefinition } from "@fidelio/local/workflow/definition";
import { startLocalWorkflow } from "@fidelio/local/workflow/index";

let definition: StateMachineDefinition | undefined;

/**
 * The local runner over this test file's table, as `npm start` runs it: the ASL that infra/workflow.ts
 * synthesizes (once per file), the concern module's steps, registered as the API's workflow engine,
 * every open concern resumed. TIME_SCALE applies unless the test names its own scale.
 */
export async function startWorkflowRunner(options: { timeScale?: number } = {}) {
  definition ??= synthesizedDefinition();
  return startLocalWorkflow(Concern.openIds, { definition, timeScale: options.timeScale ?? Config.timeScale() });
}
