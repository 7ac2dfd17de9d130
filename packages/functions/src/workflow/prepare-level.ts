import { Workflow } from "@fidelio/core/workflow";

/** Prepares a level: the concern's next assignee, deadline, event and recap emails. */
export const handler = (event: unknown) => Workflow.prepareLevel(event);
