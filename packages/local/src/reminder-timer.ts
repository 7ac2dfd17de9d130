import { Config } from "@fidelio/core/config";
import { handler } from "@fidelio/functions/cron/weekly-reminders";

/** An hour of school time between runs, shortened by TIME_SCALE; never more often than every 10 s. */
export const reminderIntervalMs = () => Math.max(10_000, Math.round(3_600_000 / Config.timeScale()));

/**
 * Locally, the EventBridge schedule is a timer that runs the same handler. The job is idempotent per
 * person and week, so running it hourly (and at start) sends each reminder once, at the first run
 * after the school week ends.
 */
export function startReminderTimer(intervalMs = reminderIntervalMs()) {
  let running: Promise<unknown> | undefined;
  const run = () => {
    running ??= handler()
      .catch((error: unknown) => console.error(`weekly reminders failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  // The first run goes in the background: the app answers meanwhile, and start stays as quick as before.
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
