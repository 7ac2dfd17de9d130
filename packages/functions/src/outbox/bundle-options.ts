import { resolve } from "node:path";
import type { BuildOptions } from "esbuild";
import { apiBundleOptions } from "../api/bundle-options";

/**
 * The outbox sender Lambda, bundled like the API (SDK inside, credentials from the environment) but as
 * one file: it has one route of work, so there is nothing to load later.
 */
export const senderBundleOptions: BuildOptions = {
  ...apiBundleOptions,
  entryPoints: [resolve(import.meta.dirname, "sender.ts")],
  splitting: false,
  chunkNames: undefined,
};
