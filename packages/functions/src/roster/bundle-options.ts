import { resolve } from "node:path";
import type { BuildOptions } from "esbuild";
import { apiBundleOptions } from "../api/bundle-options";

/** The roster import job's Lambda, bundled like the API (SDK inside, credentials from the environment). */
export const rosterJobBundleOptions: BuildOptions = {
  ...apiBundleOptions,
  entryPoints: [resolve(import.meta.dirname, "job.ts")],
};
