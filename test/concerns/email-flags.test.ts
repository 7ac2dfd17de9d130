import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handler as emailEvents } from "@fidelio/functions/email-events/handler";
import { startWorkflowRunner } from "../support/workflow";
import { act, childOf, email, fileConcern, getConcern, waiting, type Who } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => runner?.stop());

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  runner = await startWorkflowRunner({ timeScale: 1 });
});

/** What SES publishes to EventBridge when a message bounced for good, or its reader marked it as spam (the fields the handler reads). */
const feedback = (kind: "Bounce" | "Complaint", who: Who) => ({
  source: "aws.ses",
  detail:
    kind === "Bounce"
      ? {
          eventType: "Bounce",
          bounce: {
            bounceType: "Permanent",
            feedbackId: `fb-${who}`,
            timestamp: "2026-12-01T15:00:00.000Z",
            bouncedRecipients: [{ emailAddress: email(who) }],
          },
        }
      : {
          eventType: "Complaint",
          complaint: { feedbackId: `fb-${who}`, timestamp: "2026-12-01T15:05:00.000Z", complainedRecipients: [{ emailAddress: email(who) }] },
        },
});

type Flag = { at: string; reason: string } | null;
type WithFlags = { parent: { name: string; emailUndeliverable: Flag }; assignee: { name: string; emailUndeliverable: Flag } | null };

describe("a concern's page", () => {
  it("shows staff, never the parent, whose email is undeliverable: the parent's and the assignee's", async () => {
    const id = (await fileConcern(sofia)).body.id;
    const before = (await waiting(id, (c) => c.level === "teacher")) as unknown as WithFlags;
    expect(before.parent.emailUndeliverable).toBeNull();
    expect(before.assignee?.emailUndeliverable).toBeNull();

    await emailEvents(feedback("Bounce", "parent"));
    await emailEvents(feedback("Complaint", "teacher"));
    const asDirector = (await getConcern(id, "director")) as unknown as WithFlags;
    expect(asDirector.parent.emailUndeliverable).toEqual({ at: "2026-12-01T15:00:00.000Z", reason: "bounce" });
    expect(asDirector.assignee?.emailUndeliverable).toEqual({ at: "2026-12-01T15:05:00.000Z", reason: "complaint" });
    // The assignee sees the flags too, on the view its own action answers with.
    const answered = await act("teacher", await getConcern(id, "teacher"), "escalate", "The case manager should follow up by phone.");
    expect(answered.status).toBe(200);
    expect((answered.body as unknown as WithFlags).parent.emailUndeliverable).toMatchObject({ reason: "bounce" });

    const asParent = (await getConcern(id, "parent")) as unknown as WithFlags;
    expect(asParent.parent.emailUndeliverable).toBeNull();
    expect(asParent.assignee?.emailUndeliverable ?? null).toBeNull();
  });
});
