import { build } from "esbuild";
import { resolve } from "node:path";

/** Minified size of the API Lambda as it would deploy: everything bundled, the AWS SDK included. */
export async function apiBundleBytes(): Promise<number> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, "../../../functions/src/api/lambda.ts")],
    bundle: true,
    minify: true,
    platform: "node",
    target: "node22",
    format: "esm",
    // ES module builds of the AWS SDK tree-shake; NodejsFunction uses the same order for ESM output.
    mainFields: ["module", "main"],
    write: false,
    external: [],
    logLevel: "silent",
  });
  return result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
}
