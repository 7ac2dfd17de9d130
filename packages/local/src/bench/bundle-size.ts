import { build, type BuildOptions } from "esbuild";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";
import { emailEventsBundleOptions } from "@fidelio/functions/email-events/bundle-options";
import { senderBundleOptions } from "@fidelio/functions/outbox/bundle-options";
import { weeklyRemindersBundleOptions } from "@fidelio/functions/cron/bundle-options";
import { rosterJobBundleOptions } from "@fidelio/functions/roster/bundle-options";
import { workflowStepBundleOptions, workflowSteps } from "@fidelio/functions/workflow/bundle-options";

/** Each Lambda infra declares, by the esbuild definition its function is bundled from; only the API has a size target. */
const lambdas: Array<{ name: string; options: BuildOptions; targetKB?: number }> = [
  { name: "API", options: apiBundleOptions, targetKB: 400 },
  { name: "outbox sender (and sweep)", options: senderBundleOptions },
  { name: "roster import job", options: rosterJobBundleOptions },
  { name: "email bounces and complaints", options: emailEventsBundleOptions },
  { name: "weekly reminders", options: weeklyRemindersBundleOptions },
  ...workflowSteps.map((step) => ({ name: `workflow step ${step}`, options: workflowStepBundleOptions(step) })),
];

/** Minified size of each Lambda as it would deploy (SDK bundled; the source map, a separate file, not counted). */
export async function lambdaBundleSizes() {
  return Promise.all(
    lambdas.map(async ({ name, options, targetKB }) => {
      const result = await build({ ...options, write: false, logLevel: "silent" });
      return { name, bytes: result.outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0), targetKB };
    }),
  );
}
