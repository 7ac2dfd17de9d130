import { fromEnv } from "@aws-sdk/credential-provider-env";
import { Config } from "@fidelio/core/config";
import type { WorkflowEngine } from "@fidelio/core/workflow/engine";
import { newSigner } from "./invoke-async";

/** Answers worth another try, as the SDK's standard retry treats them: throttling and the service's own failures. */
const retryable = (status: number, type: string) => status >= 500 || status === 429 || /Throttl/.test(type);
const attempts = 3;

/**
 * One Step Functions action (JSON 1.0 protocol): a signed POST. It stands in for @aws-sdk/client-sfn,
 * whose schemas and error registry added about 22 KB to the API bundle for these three calls
 * (docs/benchmarks.md). A failure throws an Error named as Step Functions names it (TaskTimedOut,
 * InvalidToken, ExecutionAlreadyExists...), which isStaleTaskToken reads as the SDK's errors were read.
 */
async function call(endpoint: string | undefined, action: string, input: Record<string, unknown>) {
  const region = Config.region();
  const url = new URL(endpoint ?? `https://states.${region}.amazonaws.com/`);
  const hostname = url.host;
  const body = JSON.stringify(input);
  for (let attempt = 1; ; attempt++) {
    const signer = newSigner({ service: "states", region, credentials: fromEnv() });
    const signed = await signer.sign({
      method: "POST",
      protocol: url.protocol,
      hostname,
      path: url.pathname,
      query: {},
      headers: { host: hostname, "content-type": "application/x-amz-json-1.0", "x-amz-target": `AWSStepFunctions.${action}` },
      body,
    });
    let response: Response;
    try {
      response = await fetch(url, { method: "POST", headers: signed.headers, body, signal: AbortSignal.timeout(5_000) });
    } catch (error) {
      if (attempt < attempts) continue;
      throw error;
    }
    if (response.ok) return;
    const text = await response.text();
    const parsed = (() => {
      try {
        return JSON.parse(text) as { __type?: string; message?: string; Message?: string };
      } catch {
        return {};
      }
    })();
    // "com.amazonaws.swf.base.model#TaskTimedOut" or "TaskTimedOut": the name is after the last '#'.
    const type = (response.headers.get("x-amzn-errortype") ?? parsed.__type ?? `HTTP${response.status}`).split(":")[0]!.split("#").at(-1)!;
    if (attempt < attempts && retryable(response.status, type)) {
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt * Math.random()));
      continue;
    }
    throw Object.assign(new Error(parsed.message ?? parsed.Message ?? `Step Functions ${action} answered ${response.status}`), { name: type });
  }
}

/**
 * The engine on AWS: Step Functions itself, the state machine named by Config.stateMachineArn().
 * `endpoint` (tests only) sends the calls elsewhere than the region's Step Functions.
 */
export const stepFunctionsEngineAt = (endpoint?: string): WorkflowEngine => ({
  async start(name, input) {
    const stateMachineArn = Config.stateMachineArn();
    if (!stateMachineArn) throw new Error("STATE_MACHINE_ARN is not set");
    // Same name and input while running: Step Functions answers with the running execution.
    await call(endpoint, "StartExecution", { stateMachineArn, name, input: JSON.stringify(input) });
  },
  async sendTaskSuccess(token, output) {
    await call(endpoint, "SendTaskSuccess", { taskToken: token, output: JSON.stringify(output) });
  },
  async sendTaskFailure(token, failure) {
    await call(endpoint, "SendTaskFailure", { taskToken: token, error: failure.error, cause: failure.cause });
  },
});

export const stepFunctionsEngine = stepFunctionsEngineAt();
