import { Workflow } from "@fidelio/core/workflow";

/** A step failed for good: records it on the concern's timeline and alerts the district admin. */
export const handler = (event: unknown) => Workflow.recordFailure(event);
