import { loadAuthSecret } from "../aws/auth-secret";
import { handle } from "hono/aws-lambda";
import { Config } from "@fidelio/core/config";
import { setJobDispatcher } from "@fidelio/core/roster/dispatch";
import { invokeAsync } from "../aws/invoke-async";
import { stepFunctionsEngine } from "../aws/step-functions";
import { setAwsWorkflowEngine } from "@fidelio/core/workflow/engine";
import { appOf } from "./app-of";
import { lazyAreas } from "./lazy-area";

// On AWS, the SST Config.Secret is read once per cold start, before any request (aws/auth-secret.ts).
await loadAuthSecret();

// Filing a concern starts its execution and an answer resumes it, in Step Functions.
setAwsWorkflowEngine(stepFunctionsEngine);

/** Invokes still in flight: Lambda freezes the process once the handler returns, so each is awaited before it does. */
const dispatches = new Set<Promise<unknown>>();

/**
 * On AWS a roster job runs in its own function (15 minutes, more memory), invoked asynchronously with
 * the job id. An invoke that fails leaves the job queued; the next look at the job finds it stale and
 * dispatches it again.
 */
setJobDispatcher((jobId) => {
  const functionName = Config.rosterJobFunction();
  if (!functionName) throw new Error("ROSTER_JOB_FUNCTION is not set");
  const invoke = invokeAsync(functionName, { jobId }, Config.region())
    .catch((error: Error) => console.error(JSON.stringify({ level: "error", handler: "roster-dispatch", jobId, name: error.name, message: error.message })))
    .finally(() => dispatches.delete(invoke));
  dispatches.add(invoke);
});

// Each route area loads on its first request (its own ESM chunk), so a cold start compiles only what sign-in and /api/me need.
const handleRequest = handle(appOf(lazyAreas()));

export async function handler(...[event, context]: Parameters<typeof handleRequest>) {
  // The app's request id (in its logs and 500 answers) becomes API Gateway's, which the access log records; a client's own X-Request-Id does not survive.
  const gateway = event.requestContext;
  if ("requestId" in gateway && event.headers) event.headers["x-request-id"] = gateway.requestId;
  try {
    return await handleRequest(event, context);
  } finally {
    await Promise.all(dispatches);
  }
}
