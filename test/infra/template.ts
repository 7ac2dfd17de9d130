import type { Template } from "aws-cdk-lib/assertions";

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
  Object.entries(template.findResources("AWS::Lambda::Function")).filter(([, resource]) => !String(resource.Properties.Description ?? "").startsWith("Fidelio "));

function allFunctions(template: Template): Map<string, DeclaredFunction> {
  const policies = Object.values(template.findResources("AWS::IAM::Policy"));
  const functions = Object.entries(template.findResources("AWS::Lambda::Function")).map(([logicalId, resource]): [string, DeclaredFunction] => {
    const role = resource.Properties.Role["Fn::GetAtt"][0] as string;
    const statements = policies.filter((policy) => policy.Properties.Roles.some((r: { Ref: string }) => r.Ref === role)).flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    return [String(resource.Properties.Description ?? logicalId), { logicalId, properties: resource.Properties, statements }];
  });
  return new Map(functions);
}

export const actionsOf = (statements: Array<Record<string, any>>) => statements.flatMap((s) => [s.Action].flat() as string[]);
