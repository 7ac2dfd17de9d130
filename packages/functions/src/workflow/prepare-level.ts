import { loadAuthSecret } from "../aws/auth-secret";
import { Workflow } from "@fidelio/core/workflow";

// On AWS, the SST Config.Secret is read once per cold start, before any request (aws/auth-secret.ts).
await loadAuthSecret();

/** Prepares a level: the concern's next assignee, deadline, event and recap emails. */
export const handler = (event: unknown) => Workflow.prepareLevel(event);
