import { dirname, resolve } from "node:path";
import { AssetHashType, DockerImage, Duration } from "aws-cdk-lib";
import { Architecture, Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat, type BundlingOptions } from "aws-cdk-lib/aws-lambda-nodejs";
import type { Construct, IConstruct } from "constructs";
import { buildSync, type BuildOptions } from "esbuild";
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

/** What every Fidelio Lambda shares: Node.js 22 on arm64 (cheaper per ms than x86 for the same work), source maps on. */
const settingsOf = (props: NodeFunctionProps) => ({
  runtime: Runtime.NODEJS_22_X,
  architecture: Architecture.ARM_64,
  memorySize: props.memory ?? 512,
  timeout: props.timeout ?? Duration.seconds(10),
  environment: { ...props.environment, NODE_OPTIONS: "--enable-source-maps" },
  description: props.description,
});

/** Every function nodeFunction and chunkedFunction declared, whichever construct deploys it. */
const declared = new WeakSet<IConstruct>();

/** Whether `construct` is a Fidelio Lambda (not one CDK adds for its own constructs). */
export const isFidelioFunction = (construct: IConstruct): construct is LambdaFunction => declared.has(construct);

/** A Fidelio Lambda bundled into one file by NodejsFunction, from its esbuild definition. */
export function nodeFunction(scope: Construct, id: string, props: NodeFunctionProps) {
  const bundle = props.bundle ?? apiBundleOptions;
  const fn = new NodejsFunction(scope, id, {
    ...settingsOf(props),
    entry: props.entry ?? entryOf(bundle),
    handler: props.handler ?? "handler",
    projectRoot: repoRoot,
    depsLockFilePath: resolve(repoRoot, "package-lock.json"),
    bundling: bundlingOf(bundle),
  });
  declared.add(fn);
  return fn;
}

/**
 * A Fidelio Lambda whose esbuild definition splits it into ES module chunks (`index.mjs` and
 * `chunks/*.mjs`, each with its source map), which NodejsFunction cannot deploy (it writes one file):
 * a plain Function whose code is the directory esbuild writes at synthesis, through Code.fromAsset's
 * local bundling, with the same options the bench and the bundle tests build from. The handler is the
 * entry named `index`.
 */
export function chunkedFunction(scope: Construct, id: string, props: NodeFunctionProps & { bundle: BuildOptions }) {
  const entry = entryOf(props.bundle);
  const code = Code.fromAsset(dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: esbuild runs here, in the synthesizing process, and a failure stops synthesis.
      image: DockerImage.fromRegistry("public.ecr.aws/sam/build-nodejs22.x"),
      local: {
        tryBundle(outputDir) {
          buildSync({ ...props.bundle, outdir: outputDir, sourcemap: true, sourcesContent: false, logLevel: "error" });
          return true;
        },
      },
    },
  });
  const fn = new LambdaFunction(scope, id, { ...settingsOf(props), code, handler: `index.${props.handler ?? "handler"}` });
  declared.add(fn);
  return fn;
}
