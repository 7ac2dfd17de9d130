import { provideWorkflowEngine } from "@fidelio/core/workflow/engine";
import { LocalWorkflowRunner, type LocalWorkflowOptions } from "./runner";

/**
 * The local stack's workflow: a runner registered as core's WorkflowEngine (so the API starts and
 * answers escalations as it would on AWS), then every open concern resumed from DynamoDB.
 */
export async function startLocalWorkflow(listOpenConcernIds: () => Promise<Iterable<string>>, options: LocalWorkflowOptions = {}) {
  const runner = new LocalWorkflowRunner(options);
  provideWorkflowEngine(runner);
  const resumed = await runner.resumeAll(listOpenConcernIds);
  return {
    runner,
    resumed,
    async stop() {
      provideWorkflowEngine(undefined);
      await runner.stop();
    },
  };
}
