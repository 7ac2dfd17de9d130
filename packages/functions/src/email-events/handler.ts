import { EmailFeedback } from "@fidelio/core/user";

/**
 * SES bounce and complaint events, from the configuration set through EventBridge: flags each
 * address that must not be mailed again on its user (core/user/email-feedback). An event that is
 * not SES feedback throws, so EventBridge retries it and the failure shows in the function's errors.
 */
export async function handler(event: unknown) {
  const flagged = await EmailFeedback.record(event);
  console.log(JSON.stringify({ level: "info", handler: "email-events", flagged: flagged.length }));
  return { flagged };
}
