import { ArnFormat, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement, type IGrantable } from "aws-cdk-lib/aws-iam";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { LambdaInvoke } from "aws-cdk-lib/aws-stepfunctions-tasks";
import { Construct } from "constructs";
import { workflowStepBundleOptions } from "@fidelio/functions/workflow/bundle-options";
import { nodeFunction } from "./function";

/** Each task state and the step (the handler in packages/functions/src/workflow) it invokes; the local runner maps states the same way. */
export const workflowTasks = {
  Resume: "apply-outcome",
  PrepareLevel: "prepare-level",
  WaitForAnswer: "wait-for-answer",
  ApplyOutcome: "apply-outcome",
  RecordFailure: "record-failure",
} as const;
export type WorkflowStep = (typeof workflowTasks)[keyof typeof workflowTasks];

/** Transient Lambda service errors; anything else is a bug or bad data and goes to RecordFailure. */
export const retriedErrors = ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"];

// What each step does to the table: reads (people by BatchGetItem) and conditional writes (TransactWriteItems needs
// the per-item actions; closing a concern deletes its open-concern marker), never Scan.
const tableActions = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"];

/** The escalation ladder: one Standard execution per concern, looping prepare -> wait -> apply until the concern closes. */
export class Workflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  /** `authSecret` seals the recap emails the steps put in the outbox; `appOrigin` makes their links absolute. */
  constructor(scope: Construct, id: string, props: { table: Table; authSecret: string; appOrigin?: string }) {
    super(scope, id);
    const functions = new Map(
      [...new Set(Object.values(workflowTasks))].map((step) => {
        const fn = nodeFunction(this, step, {
          bundle: workflowStepBundleOptions(step),
          environment: { TABLE_NAME: props.table.tableName, AUTH_SECRET: props.authSecret, ...(props.appOrigin && { APP_ORIGIN: props.appOrigin }) },
          description: `Fidelio escalation step ${step}`,
        });
        props.table.grant(fn, ...tableActions);
        return [step, fn] as const;
      }),
    );
    // A wait overtaken by an answer before its token was stored ends itself (concern/steps.ts). The ARN is
    // spelled out: granting on the state machine itself would make the function and the machine depend on each other.
    functions.get("wait-for-answer")!.addToRolePolicy(
      new PolicyStatement({
        actions: ["states:SendTaskSuccess"],
        resources: [Stack.of(this).formatArn({ service: "states", resource: "stateMachine", resourceName: "*", arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      }),
    );
    const task = (state: keyof typeof workflowTasks, options: Partial<ConstructorParameters<typeof LambdaInvoke>[2]>) =>
      new LambdaInvoke(this, state, {
        lambdaFunction: functions.get(workflowTasks[state])!,
        payloadResponseOnly: options.integrationPattern === undefined,
        retryOnServiceExceptions: false,
        ...options,
      }).addRetry({ errors: retriedErrors, interval: Duration.seconds(1), maxAttempts: 3, backoffRate: 2, maxDelay: Duration.seconds(10), jitterStrategy: sfn.JitterType.FULL });

    const failed = new sfn.Fail(this, "Failed", { errorPath: "$.failure.Error", causePath: "$.failure.Cause" });
    const recordFailure = task("RecordFailure", {
      payload: sfn.TaskInput.fromObject({ concernId: sfn.JsonPath.stringAt("$.concernId"), executionName: sfn.JsonPath.executionName, failure: sfn.JsonPath.objectAt("$.failure") }),
      resultPath: sfn.JsonPath.DISCARD,
    }).addCatch(failed, { resultPath: "$.recordFailureError" });
    recordFailure.next(failed);

    const withOutcome = (state: "Resume" | "ApplyOutcome", outcome: unknown) =>
      task(state, { payload: sfn.TaskInput.fromObject({ concernId: sfn.JsonPath.stringAt("$.concernId"), outcome }) });
    // The first state asks the concern where it stands, so a restarted execution carries on from there.
    const resume = withOutcome("Resume", { kind: "resume" });
    const apply = withOutcome("ApplyOutcome", sfn.JsonPath.objectAt("$.outcome"));
    const prepare = task("PrepareLevel", { payload: sfn.TaskInput.fromObject({ concernId: sfn.JsonPath.stringAt("$.concernId") }) });
    const wait = task("WaitForAnswer", {
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({ concernId: sfn.JsonPath.stringAt("$.concernId"), wait: sfn.JsonPath.objectAt("$.wait"), taskToken: sfn.JsonPath.taskToken }),
      taskTimeout: sfn.Timeout.at("$.wait.timeoutSeconds"),
      resultPath: "$.outcome",
    });
    // The deadline passing is an outcome like an answer: the caught {Error: "States.Timeout"} lands where the answer would.
    wait.addCatch(apply, { errors: ["States.Timeout"], resultPath: "$.outcome" });
    for (const state of [resume, prepare, wait, apply]) state.addCatch(recordFailure, { errors: [sfn.Errors.ALL], resultPath: "$.failure" });

    const route = new sfn.Choice(this, "Route")
      .when(sfn.Condition.stringEquals("$.next", "prepare"), prepare)
      .when(sfn.Condition.stringEquals("$.next", "wait"), wait)
      .when(sfn.Condition.stringEquals("$.next", "closed"), new sfn.Succeed(this, "Closed"))
      .otherwise(new sfn.Fail(this, "UnknownPosition", { error: "Fidelio.UnknownPosition", cause: "A step answered a position the state machine does not know" }));
    resume.next(route);
    prepare.next(wait);
    wait.next(apply);
    apply.next(route);

    this.stateMachine = new sfn.StateMachine(this, "Escalation", {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(resume),
      tracingEnabled: true,
      // Execution data stays out of the logs: payloads and errors may name students (FERPA).
      logs: { destination: new LogGroup(this, "Logs", { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY }), level: sfn.LogLevel.ERROR, includeExecutionData: false },
    });
  }

  /** What the API needs to start executions and answer waits (SendTaskSuccess/Failure). */
  grantEngine(grantee: IGrantable) {
    this.stateMachine.grantStartExecution(grantee);
    this.stateMachine.grantTaskResponse(grantee);
  }
}
