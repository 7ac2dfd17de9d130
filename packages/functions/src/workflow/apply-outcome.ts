import { loadAuthSecret } from "../aws/auth-secret";
import { Workflow } from "@fidelio/core/workflow";

// On AWS, the SST Config.Secret is read once per cold start, before any request (aws/auth-secret.ts).
await loadAuthSecret();

/** Applies an answer, a timeout or a resume, and answers where the concern goes next. */
export const handler = (event: unknown) => Workflow.applyOutcome(event);
