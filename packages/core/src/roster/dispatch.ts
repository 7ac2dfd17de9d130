export type Dispatch = (jobId: string, options?: { takeOver?: boolean }) => void;

/**
 * How a job is started in the background. Whoever serves the API names it: on AWS the API invokes the
 * job's own function asynchronously with the job id (functions/api/lambda.ts); the local server runs it
 * on a worker thread; tests and scripts on their own event loop (`RosterRunner.inProcess`). The API's
 * code does not include the job's writing, so an API with no dispatcher fails loudly rather than running
 * a long import inside a request.
 */
let dispatcher: Dispatch | undefined;

export const dispatchJob: Dispatch = (jobId, options) => {
  if (!dispatcher) throw new Error("No roster job dispatcher is set (Roster.setDispatcher)");
  dispatcher(jobId, options);
};

export function setJobDispatcher(dispatch: Dispatch) {
  dispatcher = dispatch;
}
