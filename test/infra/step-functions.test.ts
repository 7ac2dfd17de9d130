import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStaleTaskToken } from "@fidelio/core/workflow/engine";
import { stepFunctionsEngineAt } from "@fidelio/functions/aws/step-functions";

/**
 * The API's Step Functions calls (one signed POST each, JSON 1.0 protocol), against a local HTTP server
 * answering as Step Functions does: the request it receives, an error named as the SDK named it, a retried 5xx.
 */
describe("the Step Functions engine", () => {
  const received: Array<{ target?: string; type?: string; auth?: string; body: Record<string, unknown> }> = [];
  const answers: Array<{ status: number; body: unknown }> = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    received.push({
      target: req.headers["x-amz-target"] as string,
      type: req.headers["content-type"],
      auth: req.headers.authorization,
      body: JSON.parse(text) as Record<string, unknown>,
    });
    const { status, body } = answers.shift() ?? { status: 200, body: {} };
    res.writeHead(status, { "content-type": "application/x-amz-json-1.0" }).end(JSON.stringify(body));
  });
  let endpoint = "";
  const env = { ...process.env };
  beforeAll(async () => {
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "secret",
      STATE_MACHINE_ARN: "arn:aws:states:us-east-1:1:stateMachine:E",
    });
  });
  afterAll(() => {
    server.close();
    process.env = env;
  });

  it("starts an execution with a signed JSON 1.0 POST naming the state machine, the concern and its input", async () => {
    received.length = 0;
    await stepFunctionsEngineAt(endpoint).start("con_1", { concernId: "con_1" });
    expect(received).toEqual([
      {
        target: "AWSStepFunctions.StartExecution",
        type: "application/x-amz-json-1.0",
        auth: expect.stringMatching(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/states\/aws4_request, /),
        body: { stateMachineArn: "arn:aws:states:us-east-1:1:stateMachine:E", name: "con_1", input: JSON.stringify({ concernId: "con_1" }) },
      },
    ]);
  });

  it("names a used token's error as Step Functions does, so it reads as stale; a 5xx is tried again", async () => {
    received.length = 0;
    answers.push({ status: 400, body: { __type: "com.amazonaws.swf.service.v2.model#TaskTimedOut", message: "Task Timed Out: 'x'" } });
    const error = await stepFunctionsEngineAt(endpoint)
      .sendTaskSuccess("tok", { kind: "resume" })
      .catch((e: Error) => e);
    expect(error).toMatchObject({ name: "TaskTimedOut", message: "Task Timed Out: 'x'" });
    expect(isStaleTaskToken(error)).toBe(true);
    expect(received.map((r) => [r.target, r.body])).toEqual([["AWSStepFunctions.SendTaskSuccess", { taskToken: "tok", output: '{"kind":"resume"}' }]]);

    received.length = 0;
    answers.push({ status: 500, body: { __type: "InternalFailure" } });
    await stepFunctionsEngineAt(endpoint).sendTaskFailure("tok2", { error: "Boom", cause: "why" });
    expect(received.map((r) => [r.target, r.body])).toEqual([
      ["AWSStepFunctions.SendTaskFailure", { taskToken: "tok2", error: "Boom", cause: "why" }],
      ["AWSStepFunctions.SendTaskFailure", { taskToken: "tok2", error: "Boom", cause: "why" }],
    ]);
  });
});
