import { build, type BuildOptions, type Metafile } from "esbuild";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";
import { emailEventsBundleOptions } from "@fidelio/functions/email-events/bundle-options";
import { senderBundleOptions } from "@fidelio/functions/outbox/bundle-options";
import { weeklyRemindersBundleOptions } from "@fidelio/functions/cron/bundle-options";
import { rosterJobBundleOptions } from "@fidelio/functions/roster/bundle-options";
import { workflowStepBundleOptions, workflowSteps } from "@fidelio/functions/workflow/bundle-options";

/** Each Lambda infra declares, by the esbuild definition its function is bundled from; only the API has a size target. */
const lambdas: Array<{ name: string; options: BuildOptions; targetKB?: number }> = [
  { name: "API", options: apiBundleOptions, targetKB: 388.5 },
  { name: "outbox sender (and sweep)", options: senderBundleOptions },
  { name: "roster import job", options: rosterJobBundleOptions },
  { name: "email bounces and complaints", options: emailEventsBundleOptions },
  { name: "weekly reminders", options: weeklyRemindersBundleOptions },
  ...workflowSteps.map((step) => ({ name: `workflow step ${step}`, options: workflowStepBundleOptions(step) })),
];

/** The bytes a cold start loads: the entry and every chunk it imports statically, transitively (not those it imports on first use). */
export function coldStartBytes(metafile: Metafile): number {
  const entry = Object.keys(metafile.outputs).find((path) => metafile.outputs[path]!.entryPoint);
  const loaded = new Set(entry ? [entry] : []);
  for (const path of loaded) for (const i of metafile.outputs[path]!.imports) if (i.kind === "import-statement" && !i.external) loaded.add(i.path);
  return [...loaded].reduce((sum, path) => sum + metafile.outputs[path]!.bytes, 0);
}

/**
 * Minified size of each Lambda as it would deploy (SDK bundled; source maps, separate files, not
 * counted): `bytes` all its modules, `coldBytes` what its cold start loads (the same unless it is split
 * into chunks, as the API is).
 */
export async function lambdaBundleSizes() {
  return Promise.all(
    lambdas.map(async ({ name, options, targetKB }) => {
      const out = options.splitting ? { outdir: "/bench-unwritten" } : {};
      const result = await build({ ...options, ...out, write: false, metafile: true, logLevel: "silent" });
      const bytes = result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
      return { name, bytes, coldBytes: coldStartBytes(result.metafile!), targetKB };
    }),
  );
}
