import type { StateMachineDefinition } from "aws-local-stepfunctions";
import type { Template } from "aws-cdk-lib/assertions";
import { synth } from "@fidelio/infra/synth";

/** Where the local Lambda ARNs point: nowhere; every task state runs a local handler instead. */
export const localLambdaArn = (logicalId: string) => `arn:aws:lambda:us-east-1:000000000000:function:${logicalId}`;

/** The largest task timeout the library can arm: its setTimeout overflows above 2^31-1 ms and fires at once. */
export const libraryTimeoutSeconds = 2_147_483;

function resolveToken(token: unknown): string {
  const t = token as Record<string, unknown>;
  if (t.Ref === "AWS::Partition") return "aws";
  if (t.Ref === "AWS::Region") return "us-east-1";
  if (t.Ref === "AWS::AccountId") return "000000000000";
  const getAtt = t["Fn::GetAtt"];
  if (Array.isArray(getAtt) && getAtt[1] === "Arn") return localLambdaArn(String(getAtt[0]));
  throw new Error(`The local runner cannot resolve ${JSON.stringify(token)} in the state machine definition`);
}

/** The escalation ASL exactly as CDK synthesized it, with CloudFormation's tokens replaced by local values. */
export function synthesizedDefinition(template: Template = synth().template): StateMachineDefinition {
  const machines = Object.values(template.findResources("AWS::StepFunctions::StateMachine"));
  if (machines.length !== 1) throw new Error(`Expected one state machine in the template, found ${machines.length}`);
  const body = machines[0]!.Properties.DefinitionString as string | { "Fn::Join": [string, unknown[]] };
  if (typeof body === "string") return JSON.parse(body);
  const [separator, parts] = body["Fn::Join"];
  return JSON.parse(parts.map((part) => (typeof part === "string" ? part : resolveToken(part))).join(separator));
}

/**
 * The one deviation the runner makes: the library reads TimeoutSecondsPath from the processed
 * input (AWS: the state input) and arms its own timer, so the runner takes the deadline itself
 * (from the wait's payload, kept in DynamoDB) and gives the library a timeout it cannot reach.
 */
export function runnableDefinition(definition: StateMachineDefinition): StateMachineDefinition {
  const states = Object.fromEntries(
    Object.entries(definition.States).map(([name, state]) => {
      if (state.Type !== "Task" || state.TimeoutSecondsPath === undefined) return [name, state];
      const { TimeoutSecondsPath: _path, ...rest } = state;
      return [name, { ...rest, TimeoutSeconds: libraryTimeoutSeconds }];
    }),
  );
  return { ...definition, States: states } as StateMachineDefinition;
}
