import * as v from "valibot";
import { batchGet, getItem, keys, UserItems } from "../dynamo";
import { isConditionFailure } from "../error";
import { emailClaimItem, User, userItem, type UserInfo } from "./index";
import type { EmailUndeliverable } from "./schema";

const Recipient = v.object({ emailAddress: v.string() });
/**
 * The part of an SES event (configuration set → EventBridge, `detail`) that matters here. A
 * transient bounce (a full mailbox, a greylist) is not a reason to stop writing to someone.
 */
export const SesFeedbackEvent = v.object({
  source: v.literal("aws.ses"),
  detail: v.variant("eventType", [
    v.object({
      eventType: v.literal("Bounce"),
      bounce: v.object({ bounceType: v.string(), feedbackId: v.optional(v.string()), timestamp: v.string(), bouncedRecipients: v.array(Recipient) }),
    }),
    v.object({
      eventType: v.literal("Complaint"),
      complaint: v.object({ feedbackId: v.optional(v.string()), timestamp: v.string(), complainedRecipients: v.array(Recipient) }),
    }),
  ]),
});
export type SesFeedbackEvent = v.InferInput<typeof SesFeedbackEvent>;

const addressOf = (recipient: string) => User.normalizeEmail(recipient.replace(/^.*<([^>]+)>\s*$/, "$1"));

export namespace EmailFeedback {
  /** The addresses an SES event says Fidelio must stop mailing, each with why; empty for a transient bounce. */
  export function undeliverable(event: unknown): Array<{ email: string; flag: Omit<EmailUndeliverable, "by"> }> {
    const { detail } = v.parse(SesFeedbackEvent, event);
    const report = detail.eventType === "Bounce" ? detail.bounce : detail.complaint;
    if (detail.eventType === "Bounce" && detail.bounce.bounceType !== "Permanent") return [];
    const recipients = detail.eventType === "Bounce" ? detail.bounce.bouncedRecipients : detail.complaint.complainedRecipients;
    const reason = detail.eventType === "Bounce" ? "bounce" : "complaint";
    return recipients.map((r) => ({
      email: addressOf(r.emailAddress),
      flag: { at: new Date(report.timestamp).toISOString(), reason, ...(report.feedbackId && { feedbackId: report.feedbackId }) },
    }));
  }

  /**
   * Flags each address on its user's item, as Fidelio itself. One conditional update per person:
   * the address must still be theirs (an address changed meanwhile is not flagged), and an older
   * report never replaces a newer one, so SES's at-least-once delivery writes nothing twice.
   * Answers the ids of the users flagged now; an address no user holds is skipped.
   */
  export async function record(event: unknown): Promise<string[]> {
    const by: EmailUndeliverable["by"] = { kind: "system", reason: "email_feedback" };
    const flagged: string[] = [];
    for (const { email, flag } of undeliverable(event)) {
      const claim = await getItem(emailClaimItem, keys.email(email));
      if (!claim) continue;
      try {
        await UserItems.flagUndeliverable(claim.userId, email, { ...flag, by });
        flagged.push(claim.userId);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    return flagged;
  }

  /** What staff see next to a person: undeliverable since when and why, or nothing. */
  export const of = (user: Pick<UserInfo, "emailUndeliverable">) =>
    user.emailUndeliverable ? { at: user.emailUndeliverable.at, reason: user.emailUndeliverable.reason } : null;

  /** The flag of each of these people whose mail is undeliverable (one BatchGetItem), by user id. */
  export async function flagsOf(userIds: string[]): Promise<Map<string, NonNullable<ReturnType<typeof of>>>> {
    const ids = [...new Set(userIds)];
    const users = ids.length
      ? await batchGet(
          userItem,
          ids.map((id) => keys.user(id)),
        )
      : [];
    return new Map(users.flatMap((user) => (user.emailUndeliverable ? [[user.id, of(user)!] as const] : [])));
  }
}
