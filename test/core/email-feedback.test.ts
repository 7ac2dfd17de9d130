import { describe, expect, it } from "vitest";
import { User } from "@fidelio/core/user";
import { handler } from "@fidelio/functions/email-events/handler";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { createUser } from "../support/users";

/** An SES event as a configuration set publishes it to EventBridge (the shape AWS documents for event publishing). */
function sesEvent(kind: "Bounce" | "Complaint", recipient: string, options: { bounceType?: string; timestamp?: string } = {}) {
  const timestamp = options.timestamp ?? "2026-11-30T17:02:11.000Z";
  const mail = {
    timestamp: "2026-11-30T17:02:09.000Z",
    source: "Fidelio <no-reply@fidelio.example.org>",
    sendingAccountId: "123456789012",
    messageId: "010001900d9c6c1e-5b0c6f5e-7c3d-4c36-9f2a-1f2c3e4d5a6b-000000",
    destination: [recipient],
    headersTruncated: false,
    tags: { "ses:configuration-set": ["Fidelio-ConfigurationSet"], "ses:source-ip": ["203.0.113.7"], "ses:from-domain": ["fidelio.example.org"] },
  };
  const detail =
    kind === "Bounce"
      ? {
          eventType: "Bounce",
          bounce: {
            feedbackId: "010001900d9c6f3b-bounce-000000",
            bounceType: options.bounceType ?? "Permanent",
            bounceSubType: "General",
            bouncedRecipients: [{ emailAddress: recipient, action: "failed", status: "5.1.1", diagnosticCode: "smtp; 550 5.1.1 user unknown" }],
            timestamp,
            reportingMTA: "dns; b224-13.smtp-out.us-east-1.amazonses.com",
          },
          mail,
        }
      : {
          eventType: "Complaint",
          complaint: {
            feedbackId: "010001900d9c6f3b-complaint-000000",
            complainedRecipients: [{ emailAddress: recipient }],
            timestamp,
            userAgent: "Yahoo!-Mail-Feedback/2.0",
            complaintFeedbackType: "abuse",
          },
          mail,
        };
  return {
    version: "0",
    id: "6d4a7e3c-5e3b-4b0a-8d1c-1a2b3c4d5e6f",
    "detail-type": kind === "Bounce" ? "Email Bounced" : "Email Complaint Received",
    source: "aws.ses",
    account: "123456789012",
    time: timestamp,
    region: "us-east-1",
    resources: ["arn:aws:ses:us-east-1:123456789012:configuration-set/Fidelio-ConfigurationSet"],
    detail,
  };
}

describe("SES bounces and complaints", () => {
  it("a permanent bounce flags the person's address on their user item, as Fidelio itself, once", async () => {
    const user = await createUser("gone@feedback.fidelio.test", ["parent"]);
    expect(await handler(sesEvent("Bounce", "Gone <GONE@feedback.fidelio.test>"))).toEqual({ flagged: [user.id] });
    expect((await User.get(user.id))?.emailUndeliverable).toEqual({
      at: "2026-11-30T17:02:11.000Z",
      reason: "bounce",
      feedbackId: "010001900d9c6f3b-bounce-000000",
      by: { kind: "system", reason: "email_feedback" },
    });
    // EventBridge delivers at least once: the same report again changes nothing.
    expect(await handler(sesEvent("Bounce", "gone@feedback.fidelio.test"))).toEqual({ flagged: [] });
  });

  it("a later complaint replaces an older flag; an older report never replaces a newer one", async () => {
    const user = await createUser("spam@feedback.fidelio.test", ["teacher"]);
    await handler(sesEvent("Complaint", "spam@feedback.fidelio.test", { timestamp: "2026-11-30T18:00:00.000Z" }));
    expect((await User.get(user.id))?.emailUndeliverable).toMatchObject({ reason: "complaint", at: "2026-11-30T18:00:00.000Z" });
    expect(await handler(sesEvent("Bounce", "spam@feedback.fidelio.test", { timestamp: "2026-11-29T08:00:00.000Z" }))).toEqual({ flagged: [] });
    expect((await User.get(user.id))?.emailUndeliverable).toMatchObject({ reason: "complaint" });
  });

  it("a transient bounce, or an address nobody holds, flags nothing", async () => {
    const user = await createUser("full@feedback.fidelio.test", ["teacher"]);
    expect(await handler(sesEvent("Bounce", "full@feedback.fidelio.test", { bounceType: "Transient" }))).toEqual({ flagged: [] });
    expect((await User.get(user.id))?.emailUndeliverable).toBeUndefined();
    expect(await handler(sesEvent("Bounce", "nobody@feedback.fidelio.test"))).toEqual({ flagged: [] });
  });

  it("refuses an event that is not SES feedback, so EventBridge retries it and the error is counted", async () => {
    await expect(handler({ source: "aws.ses", detail: { eventType: "Delivery" } })).rejects.toMatchObject({ name: "ValiError" });
    await expect(handler({ source: "aws.s3", detail: {} })).rejects.toMatchObject({ name: "ValiError" });
  });

  it("shows staff, not parents, which team member's email is undeliverable on the student's record", async () => {
    await seedDemo();
    const teacher = await signIn("teacher@demo.fidelio.test");
    const parent = await signIn("parent@demo.fidelio.test");
    const childId = ((await (await call("/api/students", { token: parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
    type Team = { team: Array<{ name: string; role: string; emailUndeliverable: { at: string; reason: string } | null }> };
    const teamAs = async (token: string) => ((await (await call(`/api/students/${childId}`, { token })).json()) as Team).team;
    expect((await teamAs(teacher)).every((m) => m.emailUndeliverable === null)).toBe(true);

    await handler(sesEvent("Bounce", "casemanager@demo.fidelio.test"));
    const seen = await teamAs(teacher);
    expect(seen.find((m) => m.role === "case_manager")?.emailUndeliverable).toEqual({ at: "2026-11-30T17:02:11.000Z", reason: "bounce" });
    expect(seen.filter((m) => m.role !== "case_manager").every((m) => m.emailUndeliverable === null)).toBe(true);
    expect((await teamAs(parent)).every((m) => m.emailUndeliverable === null)).toBe(true);
  });
});
