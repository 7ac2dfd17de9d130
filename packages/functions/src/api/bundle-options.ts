import { resolve } from "node:path";
import type { BuildOptions } from "esbuild";

/**
 * How the API Lambda is bundled: the one definition for infra's function construct and for
 * `npm run bench`'s size figure. The AWS SDK is bundled (pinned, tree-shaken) rather than taken
 * from the runtime. Split into ES module chunks: `index.mjs` (the handler, the session, sign-in and
 * `/api/me`, what a cold start compiles) and `chunks/*.mjs`, each route area's code, which Node loads
 * on the area's first request (areas.ts). Build it into an `outdir`.
 */
export const apiBundleOptions: BuildOptions = {
  entryPoints: { index: resolve(import.meta.dirname, "lambda.ts") },
  outExtension: { ".js": ".mjs" },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
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
  // The browser user-agent parser (bowser) sits behind a dynamic import in @aws-sdk/core's browser
  // user-agent code, which the Node client never calls: bundling it alone gave split output a 33 KB
  // chunk nothing loads. Tree-shaking drops the import itself.
  external: ["@smithy/core/event-streams", "bowser"],
  alias: {
    "@aws-sdk/credential-provider-node": resolve(import.meta.dirname, "../aws/env-credentials.ts"),
    // One copy of the SigV4 signer: the SDK's own (under @aws-sdk/core) and this package's are the same
    // version in two directories, which esbuild would bundle twice.
    "@smithy/signature-v4": resolve(import.meta.dirname, "../../node_modules/@smithy/signature-v4"),
    "mnemonist/lru-cache": resolve(import.meta.dirname, "../aws/lru-cache.ts"),
  },
  // Spanish texts as they are (2 bytes for "é"), not escaped (6 bytes for "\u00e9"); Node reads UTF-8.
  charset: "utf8",
};
