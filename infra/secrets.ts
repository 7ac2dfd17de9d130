import { ArnFormat, CfnParameter, Stack } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import type { Construct } from "constructs";

/**
 * Where AUTH_SECRET (sign-in code hashes, sealed outbox messages, signed cursors) comes from:
 * - `{ parameterName }`: an SST `Config.Secret` (sst.config.ts). SST v2 keeps its value in SSM Parameter
 *   Store (SecureString, `/sst/<app>/<stage>/Secret/AUTH_SECRET/value`); SST's `bind` works only on
 *   SST's own Function construct, so each function here gets the parameter's name and may read that one
 *   parameter, and packages/functions/src/aws/auth-secret.ts reads it at cold start.
 * - a string: the value itself (the offline tests).
 * - nothing: a NoEcho stack parameter, for a plain `cdk deploy` without SST.
 */
export type AuthSecretSource = string | { parameterName: string } | undefined;

export interface AuthSecret {
  /** What each function that hashes, seals or signs gets in its environment. */
  environment: Record<string, string>;
  /** Lets the function read the secret where it lives (nothing to grant for a value in the environment). */
  grantRead(fn: LambdaFunction): void;
}

/** Call once per stack (mountFidelio does). */
export function authSecret(scope: Construct, source: AuthSecretSource): AuthSecret {
  if (typeof source === "object") {
    const arn = Stack.of(scope).formatArn({
      service: "ssm",
      resource: "parameter",
      resourceName: source.parameterName.replace(/^\//, ""),
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    const read = new PolicyStatement({ actions: ["ssm:GetParameter"], resources: [arn] });
    return { environment: { AUTH_SECRET_PARAMETER: source.parameterName }, grantRead: (fn) => fn.addToRolePolicy(read) };
  }
  const value =
    source ??
    new CfnParameter(Stack.of(scope), "AuthSecret", { type: "String", noEcho: true, minLength: 32, description: "AUTH_SECRET: at least 32 random characters" })
      .valueAsString;
  return { environment: { AUTH_SECRET: value }, grantRead: () => undefined };
}
