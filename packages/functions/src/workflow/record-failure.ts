import { loadAuthSecret } from "../aws/auth-secret";
import { Workflow } from "@fidelio/core/workflow";

// On AWS, the SST Config.Secret is read once per cold start, before any request (aws/auth-secret.ts).
await loadAuthSecret();

/** A step failed for good: records it on the concern's timeline and alerts the district admin. */
export const handler = (event: unknown) => Workflow.recordFailure(event);
