import { Workflow } from "@fidelio/core/workflow";

/** Stores the callback task token on the concern; Step Functions then waits for SendTaskSuccess or the deadline. */
export const handler = (event: unknown) => Workflow.waitForAnswer(event);
