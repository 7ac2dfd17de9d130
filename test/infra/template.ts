import type { Template } from "aws-cdk-lib/assertions";

export interface DeclaredFunction {
  logicalId: string;
  properties: Record<string, any>;
  /** Every statement of every policy attached to the function's role. */
  statements: Array<Record<string, any>>;
}

/** The template's Lambda functions by description, each with the statements its role is allowed. */
export function functionsOf(template: Template): Map<string, DeclaredFunction> {
  const policies = Object.values(template.findResources("AWS::IAM::Policy"));
  const functions = Object.entries(template.findResources("AWS::Lambda::Function")).map(([logicalId, resource]): [string, DeclaredFunction] => {
    const role = resource.Properties.Role["Fn::GetAtt"][0] as string;
    const statements = policies.filter((policy) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role)).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    return [resource.Properties.Description, { logicalId, properties: resource.Properties, statements }];
  });
  return new Map(functions);
}

export const actionsOf = (statements: Array<Record<string, any>>) => statements.flatMap((s) => [s.Action].flat() as string[]);
