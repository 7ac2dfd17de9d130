import { build } from "esbuild";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";

/** Minified size of the API Lambda as it would deploy. */
export async function apiBundleBytes(): Promise<number> {
  const result = await build({ ...apiBundleOptions, write: false, logLevel: "silent" });
  return result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
}
