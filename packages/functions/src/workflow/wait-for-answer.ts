import { loadAuthSecret } from "../aws/auth-secret";
import { Workflow } from "@fidelio/core/workflow";

// On AWS, the SST Config.Secret is read once per cold start, before any request (aws/auth-secret.ts).
await loadAuthSecret();

/** Stores the callback task token on the concern; Step Functions then waits for SendTaskSuccess or the deadline. */
export const handler = (event: unknown) => Workflow.waitForAnswer(event);
