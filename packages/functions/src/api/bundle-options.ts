import { resolve } from "node:path";
import type { BuildOptions } from "esbuild";

/**
 * How the API Lambda is bundled: the one definition for infra's function construct and for
 * `npm run bench`'s size figure. The AWS SDK is bundled (pinned, tree-shaken) rather than taken
 * from the runtime.
 */
export const apiBundleOptions: BuildOptions = {
  entryPoints: [resolve(import.meta.dirname, "lambda.ts")],
  bundle: true,
  minify: true,
  platform: "node",
  target: "node22",
  format: "esm",
  // ES module builds of the AWS SDK tree-shake; NodejsFunction uses this order for ESM output too.
  mainFields: ["module", "main"],
  legalComments: "none",
  // Event streams (Kinesis, Bedrock, S3 Select) are loaded only by an event-stream operation, through a
  // dynamic import in @smithy/core's HttpProtocol; DynamoDB, Step Functions and Lambda Invoke have none, so
  // the module (and what only it uses) stays out of the bundle. Were it ever reached, the import would fail with ERR_MODULE_NOT_FOUND.
  external: ["@smithy/core/event-streams"],
  alias: { "@aws-sdk/credential-provider-node": resolve(import.meta.dirname, "../aws/env-credentials.ts") },
};
