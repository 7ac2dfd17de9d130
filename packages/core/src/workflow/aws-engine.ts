import { SFNClient, SendTaskFailureCommand, SendTaskSuccessCommand, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { Config } from "../config";
import type { WorkflowEngine } from "./engine";

/** The engine on AWS: Step Functions itself, the state machine named by Config.stateMachineArn(). */
export function awsWorkflowEngine(): WorkflowEngine {
  let client: SFNClient | undefined;
  const sfn = () => (client ??= new SFNClient({}));
  return {
    async start(name, input) {
      const stateMachineArn = Config.stateMachineArn();
      if (!stateMachineArn) throw new Error("STATE_MACHINE_ARN is not set");
      // Same name and input while running: Step Functions answers with the running execution.
      await sfn().send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
    },
    async sendTaskSuccess(token, output) {
      await sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
    },
    async sendTaskFailure(token, failure) {
      await sfn().send(new SendTaskFailureCommand({ taskToken: token, error: failure.error, cause: failure.cause }));
    },
  };
}
