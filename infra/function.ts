import { resolve } from "node:path";
import { Duration } from "aws-cdk-lib";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat, type BundlingOptions } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Construct } from "constructs";
import type { BuildOptions } from "esbuild";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";

const repoRoot = resolve(import.meta.dirname, "..");

export interface NodeFunctionProps {
  /**
   * The esbuild definition `npm run bench` measures and the bundle tests run; its first entry point is
   * the handler's file unless `entry` says otherwise. The API's unless told.
   */
  bundle?: BuildOptions;
  /** The handler's source file, absolute; defaults to the bundle's entry point. */
  entry?: string;
  /** The exported function's name; "handler" unless told. */
  handler?: string;
  /** MB; 512 unless told. */
  memory?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  description?: string;
}

/** NodejsFunction's bundling from an esbuild definition, so a deployed function is the bundle that was measured and tested. */
export function bundlingOf(options: BuildOptions): BundlingOptions {
  return {
    minify: options.minify,
    target: options.target as string,
    format: options.format === "esm" ? OutputFormat.ESM : OutputFormat.CJS,
    mainFields: options.mainFields,
    externalModules: options.external,
    // Stack traces in CloudWatch name source lines; the map's mappings suffice, the sources stay out of the zip.
    sourceMap: true,
    sourcesContent: false,
    esbuildArgs: {
      "--legal-comments": options.legalComments ?? "none",
      ...(options.charset && { "--charset": options.charset }),
      ...Object.fromEntries(Object.entries(options.alias ?? {}).map(([from, to]) => [`--alias:${from}`, to])),
    },
  };
}

const entryOf = (options: BuildOptions) => {
  const [first] = Array.isArray(options.entryPoints) ? options.entryPoints : Object.values(options.entryPoints ?? {});
  if (typeof first !== "string") throw new Error("nodeFunction needs an entry or a bundle with one entry point");
  return first;
};

/** A Fidelio Lambda: Node.js 22 on arm64 (cheaper per ms than x86 for the same work), bundled as above. */
export function nodeFunction(scope: Construct, id: string, props: NodeFunctionProps) {
  const bundle = props.bundle ?? apiBundleOptions;
  return new NodejsFunction(scope, id, {
    entry: props.entry ?? entryOf(bundle),
    handler: props.handler ?? "handler",
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memory ?? 512,
    timeout: props.timeout ?? Duration.seconds(10),
    environment: { ...props.environment, NODE_OPTIONS: "--enable-source-maps" },
    description: props.description,
    projectRoot: repoRoot,
    depsLockFilePath: resolve(repoRoot, "package-lock.json"),
    bundling: bundlingOf(bundle),
  });
}
