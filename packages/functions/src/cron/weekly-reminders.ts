import { sendReminders } from "@fidelio/core/fidelity";
import { loadAuthSecret } from "../aws/auth-secret";
import { clock } from "@fidelio/core/clock";

// On AWS, the SST Config.Secret is read once per cold start (reminder emails are sealed in the outbox with it).
await loadAuthSecret();

/**
 * The weekly fidelity reminders: an EventBridge schedule invokes it on AWS, and the local stack runs
 * the same handler on a timer. Idempotent per person and week, so a retried or doubled run sends nothing twice.
 */
export async function handler() {
  const results = await sendReminders(clock.now());
  console.log(JSON.stringify({ level: "info", handler: "weekly-reminders", results }));
  return { results };
}
