import { CfnParameter, Stack } from "aws-cdk-lib";
import type { Construct } from "constructs";

/**
 * SEAM (AUTH_SECRET): the key for sign-in code hashes, sealed outbox messages and signed cursors.
 * Until sst.config.ts binds an SST `Config.Secret` and passes it in, it comes from a NoEcho stack
 * parameter, so it never sits in the template or the repository. The functions get it as AUTH_SECRET,
 * which core's Config.authSecret() reads; only this function changes when the secret's source does.
 */
/** Call once per stack (mountFidelio does). */
export function authSecret(scope: Construct, given?: string): string {
  if (given) return given;
  return new CfnParameter(Stack.of(scope), "AuthSecret", { type: "String", noEcho: true, minLength: 32, description: "AUTH_SECRET: at least 32 random characters" }).valueAsString;
}
