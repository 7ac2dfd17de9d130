import { describe, expect, it } from "vitest";
import { Match } from "aws-cdk-lib/assertions";
import aslValidator from "asl-validator";
import { synth } from "../../infra/synth";
import { retriedErrors, workflowTasks } from "../../infra/workflow";
import { libraryTimeoutSeconds, runnableDefinition, synthesizedDefinition } from "@fidelio/local/workflow/definition";
import { LocalWorkflowRunner } from "@fidelio/local/workflow/runner";
import { actionsOf, functionsOf, tableGrantsOf, tableIdsOf } from "./template";

type TaskState = Record<string, any> & { Type: "Task" };

describe("the escalation state machine", () => {
  const synthesized = synth();
  const { template } = synthesized;
  const tables = tableIdsOf(synthesized);
  const definition = synthesizedDefinition(template);
  const tasks = Object.entries(definition.States as Record<string, Record<string, any>>).filter(
    (entry): entry is [string, TaskState] => entry[1].Type === "Task",
  );

  it("is one Standard state machine, traced, logging errors without execution data", () => {
    template.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", {
      StateMachineType: "STANDARD",
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: "ERROR", IncludeExecutionData: false, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Match.anyValue() } }] },
    });
  });

  it("is valid ASL (asl-validator)", () => {
    const validation = aslValidator(structuredClone(definition));
    expect(validation.errorsText(), "asl-validator").toBe("");
    expect(validation.isValid).toBe(true);
  });

  it("starts by asking the concern where it stands", () => {
    expect(definition.StartAt).toBe("Resume");
    expect(definition.States.Resume).toMatchObject({ Next: "Route", Parameters: { "concernId.$": "$.concernId", outcome: { kind: "resume" } } });
  });

  it("waits with the callback pattern, its timeout read from the deadline, a timeout caught into ApplyOutcome", () => {
    expect(definition.States.WaitForAnswer).toMatchObject({
      Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
      Parameters: { Payload: { "concernId.$": "$.concernId", "wait.$": "$.wait", "taskToken.$": "$$.Task.Token" } },
      TimeoutSecondsPath: "$.wait.timeoutSeconds",
      ResultPath: "$.outcome",
      Next: "ApplyOutcome",
    });
    expect((definition.States.WaitForAnswer as TaskState).Catch[0]).toEqual({ ErrorEquals: ["States.Timeout"], ResultPath: "$.outcome", Next: "ApplyOutcome" });
    expect(definition.States.ApplyOutcome).toMatchObject({ Parameters: { "concernId.$": "$.concernId", "outcome.$": "$.outcome" }, Next: "Route" });
  });

  it("retries Lambda service errors with backoff and full jitter on every task, and catches everything else", () => {
    expect(tasks.map(([name]) => name).sort()).toEqual(Object.keys(workflowTasks).sort());
    for (const [name, state] of tasks) {
      expect(state.Retry, name).toEqual([
        { ErrorEquals: retriedErrors, IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2, MaxDelaySeconds: 10, JitterStrategy: "FULL" },
      ]);
      const last = state.Catch.at(-1);
      expect(last, name).toMatchObject({ ErrorEquals: ["States.ALL"], Next: name === "RecordFailure" ? "Failed" : "RecordFailure" });
    }
    expect(definition.States.RecordFailure).toMatchObject({ Next: "Failed", ResultPath: null });
    expect(definition.States.Failed).toEqual({ Type: "Fail", ErrorPath: "$.failure.Error", CausePath: "$.failure.Cause" });
  });

  it("invokes, from each task, the function built from the handler the local runner maps it to", () => {
    const functions = template.findResources("AWS::Lambda::Function");
    for (const [name, state] of tasks) {
      const arn: string = state.Parameters.FunctionName ?? state.Resource;
      const logicalId = arn.split(":function:")[1]!;
      expect(functions[logicalId]?.Properties.Description, name).toBe(`Fidelio escalation step ${workflowTasks[name as keyof typeof workflowTasks]}`);
    }
  });

  it("builds four Node.js 22 arm64 functions that may read and conditionally write the records, never scan; only the wait may resume an execution, and it only stores its token", () => {
    const steps = [...functionsOf(template)].filter(([description]) => description.startsWith("Fidelio escalation step"));
    expect(steps).toHaveLength(4);
    const table = [
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:Query",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:ConditionCheckItem",
    ];
    for (const [description, step] of steps) {
      expect(step.properties).toMatchObject({
        Runtime: "nodejs22.x",
        Architectures: ["arm64"],
        Environment: { Variables: { TABLE_NAME: { Ref: tables.records }, AUTH_SECRET: expect.anything() } },
      });
      const wait = description.endsWith("wait-for-answer");
      expect(new Set(actionsOf(step.statements))).toEqual(new Set(wait ? ["dynamodb:UpdateItem", "states:SendTaskSuccess"] : table));
    }
  });

  it("lets the steps that send recaps (assigning, closing, alerting the admins) put emails in the outbox, and the wait nothing there", () => {
    for (const [description, step] of functionsOf(template)) {
      if (!description.startsWith("Fidelio escalation step")) continue;
      const emails = !description.endsWith("wait-for-answer");
      expect(tableGrantsOf(step, tables).outbox, description).toEqual(emails ? ["dynamodb:PutItem"] : undefined);
      expect(step.properties.Environment.Variables.OUTBOX_TABLE_NAME, description).toEqual(emails ? { Ref: tables.outbox } : undefined);
    }
  });

  it("is the ASL the local runner executes, but for the deadline the runner keeps itself", () => {
    const runner = new LocalWorkflowRunner();
    const { TimeoutSecondsPath, ...wait } = definition.States.WaitForAnswer as TaskState;
    expect(TimeoutSecondsPath).toBe("$.wait.timeoutSeconds");
    expect(runner.definition).toEqual(runnableDefinition(definition));
    expect(runner.definition).toEqual({ ...definition, States: { ...definition.States, WaitForAnswer: { ...wait, TimeoutSeconds: libraryTimeoutSeconds } } });
  });
});
