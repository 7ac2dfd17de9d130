import { Duration, RemovalPolicy } from "aws-cdk-lib";
import type { IGrantable } from "aws-cdk-lib/aws-iam";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import * as sfn from "aws-cdk-lib/aws-stepfunctions";
import { LambdaInvoke } from "aws-cdk-lib/aws-stepfunctions-tasks";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { Construct } from "constructs";
import { retriedErrors, workflowStepFunctions, workflowTasks, type WorkflowStepProps } from "./workflow-steps";

export { retriedErrors, workflowTasks, type WorkflowStep } from "./workflow-steps";

/** The escalation ladder: one Standard execution per concern, looping prepare -> wait -> apply until the concern closes. */
export class Workflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly functions: NodejsFunction[];

  constructor(scope: Construct, id: string, props: WorkflowStepProps) {
    super(scope, id);
    const functions = workflowStepFunctions(this, props);
    this.functions = [...new Set(functions.values())];
    const task = (state: keyof typeof workflowTasks, options: Partial<ConstructorParameters<typeof LambdaInvoke>[2]>) =>
      new LambdaInvoke(this, state, {
        lambdaFunction: functions.get(workflowTasks[state])!,
        payloadResponseOnly: options.integrationPattern === undefined,
        retryOnServiceExceptions: false,
        ...options,
      }).addRetry({
        errors: retriedErrors,
        interval: Duration.seconds(1),
        maxAttempts: 3,
        backoffRate: 2,
        maxDelay: Duration.seconds(10),
        jitterStrategy: sfn.JitterType.FULL,
      });

    const failed = new sfn.Fail(this, "Failed", { errorPath: "$.failure.Error", causePath: "$.failure.Cause" });
    const recordFailure = task("RecordFailure", {
      payload: sfn.TaskInput.fromObject({
        concernId: sfn.JsonPath.stringAt("$.concernId"),
        executionName: sfn.JsonPath.executionName,
        failure: sfn.JsonPath.objectAt("$.failure"),
      }),
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
      payload: sfn.TaskInput.fromObject({
        concernId: sfn.JsonPath.stringAt("$.concernId"),
        wait: sfn.JsonPath.objectAt("$.wait"),
        taskToken: sfn.JsonPath.taskToken,
      }),
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
      .otherwise(
        new sfn.Fail(this, "UnknownPosition", { error: "Fidelio.UnknownPosition", cause: "A step answered a position the state machine does not know" }),
      );
    resume.next(route);
    prepare.next(wait);
    wait.next(apply);
    apply.next(route);

    this.stateMachine = new sfn.StateMachine(this, "Escalation", {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(resume),
      tracingEnabled: true,
      // Execution data stays out of the logs: payloads and errors may name students (FERPA).
      logs: {
        destination: new LogGroup(this, "Logs", { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY }),
        level: sfn.LogLevel.ERROR,
        includeExecutionData: false,
      },
    });
  }

  /** What the API needs to start executions and answer waits (SendTaskSuccess/Failure). */
  grantEngine(grantee: IGrantable) {
    this.stateMachine.grantStartExecution(grantee);
    this.stateMachine.grantTaskResponse(grantee);
  }
}
