import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccountSuspendedException,
  BadRequestException,
  MessageRejected,
  NotFoundException,
  SESv2ServiceException,
  TooManyRequestsException,
} from "@aws-sdk/client-sesv2";
import { keys, queryPage, transact } from "@fidelio/core/dynamo";
import { Email } from "@fidelio/core/email";
import { Outbox, type OutboxItem } from "@fidelio/core/outbox";
import { backoffMs, nextAttemptAt, productionRetryPolicy, retryPolicy } from "@fidelio/core/outbox/retry-policy";
import { OutboxSender } from "@fidelio/core/outbox/sender";
import { freePort } from "@fidelio/local/emulators/free-port";
import { startSesLocal, type SesLocal } from "@fidelio/local/emulators/ses-local";
import { call } from "../support/api";
import { emailsTo } from "../support/mail";
import { outboxPoller } from "../support/outbox-poller";
import { createUser } from "../support/users";

/**
 * An SES outage of many failed rounds loses no email: each is retried within its 24-hour window and
 * arrives exactly once, across a restart of the poller. Backoff here is capped at 0.3 s
 * (Config.outboxMaxBackoffSeconds) so that more than 18 rounds fail within seconds; the window stays
 * production's 24 hours.
 * The mailbox is this file's own, so it can be stopped; set before core builds its SES client.
 */
const mailPort = await freePort();
const mailUrl = `http://127.0.0.1:${mailPort}`;
process.env.SES_ENDPOINT = mailUrl;
process.env.OUTBOX_MAX_BACKOFF_SECONDS = "0.3";
let mailbox: SesLocal | undefined;
beforeAll(async () => {
  mailbox = await startSesLocal({ port: mailPort });
});
afterAll(async () => {
  await mailbox?.stop();
  delete process.env.OUTBOX_MAX_BACKOFF_SECONDS;
});

/** A fixed budget of rounds (16, about three minutes of backoff) would lose mail; the outage outlasts it. */
const OLD_BUDGET = 16;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const message = (to: string) => ({ to, subject: "Outage test", text: `Hello ${to}`, html: `<p>Hello ${to}</p>` });
const items = async (ids: string[]) => Promise.all(ids.map(async (id) => (await Outbox.get(id))!));

/** Waits until every one of `ids` passes `done`; fails at once if any is given up on meanwhile. */
async function untilAll(ids: string[], what: string, done: (item: OutboxItem) => boolean, timeoutMs = 60_000) {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(200)) {
    const now = await items(ids);
    const lost = now.filter((item) => ["failed", "expired"].includes(item.status));
    if (lost.length > 0)
      throw new Error(
        `${lost.length} email(s) given up on: ${lost.map((item) => `${item.status} after ${item.attempts} rounds (${item.lastError})`).join("; ")}`,
      );
    if (now.every(done)) return now;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(now.map((item) => [item.status, item.attempts]))}`);
  }
}

async function queue(to: string, fields: Partial<OutboxItem> = {}) {
  const op = Outbox.email(message(to));
  Object.assign(op.put, fields);
  await transact([op]);
  return op.put.id as string;
}

describe("an SES outage longer than the old retry budget", () => {
  it("keeps every email through it and a poller restart, then delivers each exactly once", async () => {
    const signInEmail = "outage-signin@outage.fidelio.test";
    await createUser(signInEmail, ["teacher"]);
    const addresses = Array.from({ length: 8 }, (_, i) => `outage-${i}@outage.fidelio.test`);
    await mailbox!.stop();
    mailbox = undefined;
    let ids: string[];
    try {
      ids = await Promise.all(addresses.map((to) => queue(to)));
      expect((await call("/api/auth/start", { body: { email: signInEmail } })).status).toBe(202);
      const open = (await queryPage<OutboxItem>({ ...keys.outboxOpenAll() })).items;
      ids.push(open.find((item) => !ids.includes(item.id))!.id);
      expect(ids).toHaveLength(addresses.length + 1);

      // Half of the old budget spent, then the poller (the local sender) stops and starts again.
      await untilAll(ids, "half the old budget of rounds", (item) => item.attempts >= OLD_BUDGET / 2);
      await outboxPoller.stop();
      await sleep(1_000);
      await outboxPoller.start();
      // Well past the old budget: every email is still waiting for its next round, with the reason.
      const waiting = await untilAll(ids, "more rounds than the old budget", (item) => item.attempts > OLD_BUDGET + 2);
      for (const item of waiting) {
        expect(["pending", "sending"]).toContain(item.status);
        expect(item.lastError).toBeTruthy();
      }
    } finally {
      mailbox = await startSesLocal({ port: mailPort });
    }

    const delivered = await untilAll(ids, "delivery", (item) => item.status === "delivered", 30_000);
    expect(delivered.every((item) => item.messageId)).toBe(true);
    // A moment later nothing more has gone out: one email per address, the sign-in code included.
    await sleep(1_500);
    for (const to of [...addresses, signInEmail]) expect(await emailsTo(to, mailUrl)).toHaveLength(1);
    expect((await items(ids)).map((item) => item.status)).toEqual(ids.map(() => "delivered"));
  }, 120_000);
});

describe("the retry window, at production's policy", () => {
  const hour = 3_600_000;
  beforeAll(() => void delete process.env.OUTBOX_MAX_BACKOFF_SECONDS);
  afterAll(() => void (process.env.OUTBOX_MAX_BACKOFF_SECONDS = "0.3"));

  it("retries a day-old email still inside its 24 hours, and gives up only once they have passed", async () => {
    await outboxPoller.stop();
    await mailbox!.stop();
    mailbox = undefined;
    try {
      const now = Date.now();
      // Emails queued as if 23 hours and 24 hours and a second ago, many rounds behind them.
      const young = await queue("day-old@outage.fidelio.test", { createdAt: new Date(now - 23 * hour).toISOString(), attempts: 150 });
      const old = await queue("too-old@outage.fidelio.test", { createdAt: new Date(now - 24 * hour - 1_000).toISOString(), attempts: 150 });
      await OutboxSender.sweep({ graceMs: 0 });
      const [kept, given] = await items([young, old]);
      expect(kept).toMatchObject({ status: "pending", attempts: 151 });
      expect(kept!.lastError).toBeTruthy();
      // Ten minutes on (the longest backoff), never past the window's end.
      expect(kept!.nextAttemptAt).toBeGreaterThanOrEqual(now + productionRetryPolicy.maxBackoffMs);
      expect(kept!.nextAttemptAt).toBeLessThanOrEqual(Date.parse(kept!.createdAt) + productionRetryPolicy.windowMs);
      expect(given).toMatchObject({ status: "failed", attempts: 151 });
      expect(given!.lastError).toBeTruthy();
    } finally {
      mailbox = await startSesLocal({ port: mailPort });
      await outboxPoller.start();
    }
    expect(await emailsTo("too-old@outage.fidelio.test", mailUrl)).toHaveLength(0);
  });

  it("spaces rounds 1 s, 2 s, 4 s… up to 10 minutes, and holds an email at least 24 hours", () => {
    expect(retryPolicy()).toEqual(productionRetryPolicy);
    const policy = productionRetryPolicy;
    expect([1, 2, 3, 4, 10, 11, 12, 500].map((round) => backoffMs(policy, round))).toEqual([1_000, 2_000, 4_000, 8_000, 512_000, 600_000, 600_000, 600_000]);
    // A send failing for a passing reason, round after round, from the moment it was queued.
    const createdAt = "2026-03-02T08:00:00.000Z";
    let at = Date.parse(createdAt);
    let attempts = 1;
    for (let next = nextAttemptAt(policy, { createdAt, attempts }, at); next !== undefined; next = nextAttemptAt(policy, { createdAt, attempts }, at)) {
      expect(next - at).toBeLessThanOrEqual(policy.maxBackoffMs);
      at = next;
      attempts++;
    }
    // The last round ran right at the 24 hours' end, and about 150 were made in all.
    expect(at - Date.parse(createdAt)).toBe(24 * 3_600_000);
    expect(attempts).toBeGreaterThan(140);
    expect(attempts).toBeLessThan(160);
  });

  it("gives up at once only on a permanent refusal of the message", () => {
    const meta = { $metadata: {} };
    const refused = [
      new MessageRejected({ message: "Email address is not verified", ...meta }),
      new BadRequestException({ message: "Illegal address", ...meta }),
      // Any other 400 (aws-ses-v2-local answers a message without a subject so, untyped).
      new SESv2ServiceException({ name: "Unknown", $fault: "client", message: "Bad Request Exception", $metadata: { httpStatusCode: 400 } }),
    ];
    const passing = [
      new TooManyRequestsException({ message: "slow down", ...meta }),
      // A deployment an operator can fix within the window: not the recipient's fault.
      new AccountSuspendedException({ message: "suspended", ...meta }),
      new NotFoundException({ message: "no such configuration set", ...meta }),
      new SESv2ServiceException({ name: "AccessDeniedException", $fault: "client", message: "not allowed", $metadata: { httpStatusCode: 403 } }),
      new SESv2ServiceException({ name: "Unknown", $fault: "client", message: "Forbidden", $metadata: { httpStatusCode: 403 } }),
      new AccountSuspendedException({ message: "suspended", $metadata: { httpStatusCode: 400 } }),
      new SESv2ServiceException({ name: "InternalFailure", $fault: "server", message: "oops", ...meta }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8005"), { code: "ECONNREFUSED" }),
    ];
    expect(refused.map((error) => Email.isTransient(error))).toEqual(refused.map(() => false));
    expect(passing.map((error) => Email.isTransient(error))).toEqual(passing.map(() => true));
  });
});
