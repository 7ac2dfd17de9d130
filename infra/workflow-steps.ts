import { ArnFormat, Stack } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Construct } from "constructs";
import { workflowStepBundleOptions } from "@fidelio/functions/workflow/bundle-options";
import { nodeFunction } from "./function";
import type { AuthSecret } from "./secrets";
import { grantItems } from "./storage";
import { emailingSteps, outboxWriterActions, stepTableActions, waitTableActions } from "./table-actions";

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

export interface WorkflowStepProps {
  table: Table;
  /** Where the steps that email put their recaps (table-actions.ts, emailingSteps). */
  outbox: Table;
  /** Seals the recap emails the steps put in the outbox (mountFidelio adds APP_ORIGIN, which makes their links absolute). */
  authSecret: AuthSecret;
}

/** One function per step (Resume and ApplyOutcome share theirs), each allowed only what its code does. */
export function workflowStepFunctions(scope: Construct, props: WorkflowStepProps): Map<WorkflowStep, NodejsFunction> {
  const functions = new Map(
    [...new Set(Object.values(workflowTasks))].map((step) => {
      const emails = (emailingSteps as readonly string[]).includes(step);
      const fn = nodeFunction(scope, step, {
        bundle: workflowStepBundleOptions(step),
        environment: { TABLE_NAME: props.table.tableName, ...(emails && { OUTBOX_TABLE_NAME: props.outbox.tableName }), ...props.authSecret.environment },
        description: `Fidelio escalation step ${step}`,
      });
      grantItems(props.table, fn, step === "wait-for-answer" ? waitTableActions : stepTableActions);
      if (emails) grantItems(props.outbox, fn, outboxWriterActions);
      props.authSecret.grantRead(fn);
      return [step, fn] as const;
    }),
  );
  // A wait overtaken by an answer before its token was stored ends itself (concern/steps.ts). The ARN is
  // spelled out: granting on the state machine itself would make the function and the machine depend on each other.
  functions.get("wait-for-answer")!.addToRolePolicy(
    new PolicyStatement({
      actions: ["states:SendTaskSuccess"],
      resources: [Stack.of(scope).formatArn({ service: "states", resource: "stateMachine", resourceName: "*", arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
    }),
  );
  return functions;
}
