import { resolve } from "node:path";
import type { BuildOptions } from "esbuild";
import { apiBundleOptions } from "../api/bundle-options";

/** The weekly reminders' Lambda, bundled like the API (SDK inside, credentials from the environment). */
export const weeklyRemindersBundleOptions: BuildOptions = {
  ...apiBundleOptions,
  entryPoints: [resolve(import.meta.dirname, "weekly-reminders.ts")],
};
