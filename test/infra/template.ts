import type { CfnElement, Stack } from "aws-cdk-lib";
import type { Template } from "aws-cdk-lib/assertions";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { expect } from "vitest";

export interface DeclaredFunction {
  logicalId: string;
  properties: Record<string, any>;
  /** Every statement of every policy attached to the function's role. */
  statements: Array<Record<string, any>>;
}

/**
 * Fidelio's Lambda functions by description ("Fidelio …"), each with the statements its role is allowed.
 * CDK's own helpers (the site upload, the bucket emptier) are `helperFunctionsOf`.
 */
export function functionsOf(template: Template): Map<string, DeclaredFunction> {
  return new Map([...allFunctions(template)].filter(([description]) => description.startsWith("Fidelio ")));
}

/** The functions CDK adds for its own constructs (BucketDeployment, autoDeleteObjects), by logical id. */
export const helperFunctionsOf = (template: Template) =>
  Object.entries(template.findResources("AWS::Lambda::Function")).filter(
    ([, resource]) => !String(resource.Properties.Description ?? "").startsWith("Fidelio "),
  );

function allFunctions(template: Template): Map<string, DeclaredFunction> {
  const policies = Object.values(template.findResources("AWS::IAM::Policy"));
  const functions = Object.entries(template.findResources("AWS::Lambda::Function")).map(([logicalId, resource]): [string, DeclaredFunction] => {
    const role = resource.Properties.Role["Fn::GetAtt"][0] as string;
    const statements = policies
      .filter((policy) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    return [String(resource.Properties.Description ?? logicalId), { logicalId, properties: resource.Properties, statements }];
  });
  return new Map(functions);
}

export const actionsOf = (statements: Array<Record<string, any>>) => statements.flatMap((s) => [s.Action].flat() as string[]);

/** The two tables' logical ids, from what mountFidelio declared: the records (TABLE_NAME) and the email outbox (OUTBOX_TABLE_NAME). */
export function tableIdsOf({ stack, resources }: { stack: Stack; resources: { storage: { table: Table; outbox: Table } } }) {
  const idOf = (table: Table) => stack.getLogicalId(table.node.defaultChild as CfnElement);
  return { records: idOf(resources.storage.table), outbox: idOf(resources.storage.outbox) };
}

/**
 * A function's DynamoDB grants as `{ resource: actions (sorted) }`, the resource named after the table:
 * `records`, `records/index/*`, `outbox`, `outbox/index/gsi1`, `outbox stream`, `*`. A resource of any
 * other shape is kept as its JSON, so it shows in a failed comparison.
 */
export function tableGrantsOf(fn: DeclaredFunction, tables: { records: string; outbox: string }): Record<string, string[]> {
  const names = new Map(Object.entries(tables).map(([name, id]) => [id, name]));
  const nameOf = (resource: unknown): string => {
    if (resource === "*") return "*";
    const getAtt = (resource as { "Fn::GetAtt"?: [string, string] })["Fn::GetAtt"];
    if (getAtt && names.has(getAtt[0]))
      return getAtt[1] === "Arn" ? names.get(getAtt[0])! : getAtt[1] === "StreamArn" ? `${names.get(getAtt[0])} stream` : JSON.stringify(resource);
    const join = (resource as { "Fn::Join"?: [string, unknown[]] })["Fn::Join"];
    if (join && join[0] === "" && join[1].length === 2 && typeof join[1][1] === "string") return `${nameOf(join[1][0])}${join[1][1]}`;
    return JSON.stringify(resource);
  };
  const grants: Record<string, Set<string>> = {};
  for (const statement of fn.statements) {
    expect(statement.Effect).toBe("Allow");
    const actions = ([statement.Action].flat() as string[]).filter((a) => a.startsWith("dynamodb:"));
    if (actions.length === 0) continue;
    for (const resource of [statement.Resource].flat()) for (const action of actions) (grants[nameOf(resource)] ??= new Set()).add(action);
  }
  return Object.fromEntries(Object.entries(grants).map(([resource, actions]) => [resource, [...actions].sort()]));
}
