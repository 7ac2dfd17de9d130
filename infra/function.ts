import { resolve } from "node:path";
import { Duration } from "aws-cdk-lib";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat, type BundlingOptions } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Construct } from "constructs";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";

const repoRoot = resolve(import.meta.dirname, "..");

export interface NodeFunctionProps {
  /** The handler's source file, absolute. */
  entry: string;
  /** The exported function's name; "handler" unless told. */
  handler?: string;
  /** MB; 512 unless told. */
  memory?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  description?: string;
}

/**
 * NodejsFunction's bundling from the API's esbuild definition, so every function bundles the
 * same way as the one `npm run bench` measures and test/infra/api-bundle.test.ts runs.
 */
export const bundling: BundlingOptions = {
  minify: apiBundleOptions.minify,
  target: apiBundleOptions.target as string,
  format: apiBundleOptions.format === "esm" ? OutputFormat.ESM : OutputFormat.CJS,
  mainFields: apiBundleOptions.mainFields,
  externalModules: apiBundleOptions.external,
  esbuildArgs: {
    "--legal-comments": apiBundleOptions.legalComments ?? "none",
    ...Object.fromEntries(Object.entries(apiBundleOptions.alias ?? {}).map(([from, to]) => [`--alias:${from}`, to])),
  },
};

/** A Fidelio Lambda: Node.js 22 on arm64 (cheaper per ms than x86 for the same work), bundled as above. */
export function nodeFunction(scope: Construct, id: string, props: NodeFunctionProps) {
  return new NodejsFunction(scope, id, {
    entry: props.entry,
    handler: props.handler ?? "handler",
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memory ?? 512,
    timeout: props.timeout ?? Duration.seconds(10),
    environment: props.environment,
    description: props.description,
    projectRoot: repoRoot,
    depsLockFilePath: resolve(repoRoot, "package-lock.json"),
    bundling,
  });
}
