import { resolve } from "node:path";
import type { BuildOptions } from "esbuild";
import { apiBundleOptions } from "../api/bundle-options";

/** The SES feedback handler's Lambda, bundled like the API (SDK inside, credentials from the environment). */
export const emailEventsBundleOptions: BuildOptions = {
  ...apiBundleOptions,
  entryPoints: [resolve(import.meta.dirname, "handler.ts")],
};
