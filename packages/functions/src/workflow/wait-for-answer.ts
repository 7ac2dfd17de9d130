import { loadAuthSecret } from "../aws/auth-secret";
import { Workflow } from "@fidelio/core/workflow";
import { setAwsWorkflowEngine } from "@fidelio/core/workflow/engine";
import { stepFunctionsEngine } from "../aws/step-functions";

// On AWS, the SST Config.Secret is read once per cold start, before any request (aws/auth-secret.ts).
await loadAuthSecret();

// A wait its concern already left is ended at once (SendTaskSuccess); the local runner provides its own engine instead.
setAwsWorkflowEngine(stepFunctionsEngine);

/** Stores the callback task token on the concern; Step Functions then waits for SendTaskSuccess or the deadline. */
export const handler = (event: unknown) => Workflow.waitForAnswer(event);
