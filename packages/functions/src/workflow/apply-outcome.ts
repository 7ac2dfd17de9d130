import { Workflow } from "@fidelio/core/workflow";

/** Applies an answer, a timeout or a resume, and answers where the concern goes next. */
export const handler = (event: unknown) => Workflow.applyOutcome(event);
