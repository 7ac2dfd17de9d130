import * as v from "valibot";
import { RosterRunner } from "@fidelio/core/roster/runner";

const JobEvent = v.object({ jobId: v.pipe(v.string(), v.startsWith("rjb_")) });

/**
 * The roster import job on AWS: the API invokes it asynchronously with the job id (lambda.ts sets the
 * dispatcher), and everything else is in the table. A run that dies (timeout, out of memory) is an
 * error to Lambda, whose async retry comes a minute or more later, when the dead run's heartbeat is
 * stale, so `RosterRunner.run` takes the job over and carries on from what was written.
 */
export async function handler(event: unknown) {
  const { jobId } = v.parse(JobEvent, event);
  const job = await RosterRunner.run(jobId);
  return { jobId, status: job?.status ?? "missing" };
}
