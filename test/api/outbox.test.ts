import { mkdtempSync, rmSync } from "node:fs";
import { clock } from "@fidelio/core/clock";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBStreamEvent } from "aws-lambda";
import { keys, queryPage, transact } from "@fidelio/core/dynamo";
import { Outbox, type OutboxItem } from "@fidelio/core/outbox";
import { productionRetryPolicy } from "@fidelio/core/outbox/retry-policy";
import { handler } from "@fidelio/functions/outbox/sender";
import { senderBundleOptions } from "@fidelio/functions/outbox/bundle-options";
import { freePort } from "@fidelio/local/emulators/free-port";
import { startSesLocal, type SesLocal } from "@fidelio/local/emulators/ses-local";
import { call } from "../support/api";
import { emailsTo, latestCode } from "../support/mail";
import { outboxPoller } from "../support/outbox-poller";
import { createUser } from "../support/users";

/**
 * The outbox against a mailbox of this file's own (so it can be stopped): set before the first email,
 * since core builds its SES client on first use.
 */
const mailPort = await freePort();
const mailUrl = `http://127.0.0.1:${mailPort}`;
process.env.SES_ENDPOINT = mailUrl;
let mailbox: SesLocal | undefined;
beforeAll(async () => {
  mailbox = await startSesLocal({ port: mailPort });
});
afterAll(async () => {
  await mailbox?.stop();
});

const message = (to: string) => ({ to, subject: "Outbox test", text: `Hello ${to}`, html: `<p>Hello ${to}</p>` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function queue(to: string, options: { notAfter?: number; createdAt?: string } = {}) {
  const op = Outbox.email(message(to), { notAfter: options.notAfter });
  if (options.createdAt !== undefined) op.put.createdAt = options.createdAt;
  await transact([op]);
  return op.put.id as string;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
  }
}

const settled = (id: string) =>
  until(
    `outbox ${id} to settle`,
    () => Outbox.get(id),
    (item) => !!item && !["pending", "sending"].includes(item.status),
  );
const openItems = async () => (await queryPage<OutboxItem>({ ...keys.outboxOpenAll() })).items;

async function mailboxDown<T>(during: () => Promise<T>): Promise<T> {
  await mailbox!.stop();
  mailbox = undefined;
  try {
    return await during();
  } finally {
    mailbox = await startSesLocal({ port: mailPort });
  }
}

describe("email through the outbox", () => {
  it("delivers a queued email from the table's stream and records it delivered, without its content", async () => {
    const id = await queue("first@outbox.fidelio.test");
    const item = await settled(id);
    expect(item).toMatchObject({ status: "delivered", attempts: 1 });
    expect(item!.messageId).toBeTruthy();
    expect(item!.sealed).toBeUndefined();
    expect(await emailsTo("first@outbox.fidelio.test", mailUrl)).toHaveLength(1);
    expect((await openItems()).map((open) => open.id)).not.toContain(id);
  });

  it("keeps a sign-in code through a mailbox outage and delivers it when the mailbox is back", async () => {
    const email = "outage@outbox.fidelio.test";
    await createUser(email, ["teacher"]);
    const seen = (await emailsTo(email, mailUrl)).length;
    const began = Date.now();
    const waiting = await mailboxDown(async () => {
      expect((await call("/api/auth/start", { body: { email } })).status).toBe(202);
      // Two rounds failed and the email waits for the next one, not lost.
      const items = await until("failed rounds", openItems, (open) => open.some((item) => item.attempts >= 2 && item.status === "pending"));
      expect(items).toHaveLength(1);
      expect(items[0]!.lastError).toBeTruthy();
      return items[0]!;
    });
    const code = await latestCode(email, seen, 30_000, mailUrl);
    expect((await call("/api/auth/verify", { body: { email, code } })).status).toBe(200);
    // Rounds backed off (1 s, then 2 s) rather than spending their budget at once.
    expect(Date.now() - began).toBeGreaterThan(2_500);
    expect((await Outbox.get(waiting.id))!.attempts).toBeLessThanOrEqual(4);
  });

  it("gives up once its retry window has passed and records the failure", async () => {
    const id = await mailboxDown(async () => {
      const createdAt = new Date(Date.now() - productionRetryPolicy.windowMs - 1_000).toISOString();
      const queued = await queue("hopeless@outbox.fidelio.test", { createdAt });
      const item = await settled(queued);
      expect(item).toMatchObject({ status: "failed", attempts: 1 });
      expect(item!.lastError).toBeTruthy();
      return queued;
    });
    await sleep(1_500);
    expect((await Outbox.get(id))!.status).toBe("failed");
    expect(await emailsTo("hopeless@outbox.fidelio.test", mailUrl)).toHaveLength(0);
  });

  it("never sends an email after its notAfter (a sign-in code that expired meanwhile)", async () => {
    const id = await queue("too-late@outbox.fidelio.test", { notAfter: clock.ms() - 1 });
    expect(await settled(id)).toMatchObject({ status: "expired" });
    expect(await emailsTo("too-late@outbox.fidelio.test", mailUrl)).toHaveLength(0);
  });

  it("sends once when the same stream record arrives again and again", async () => {
    await outboxPoller.stop();
    try {
      const id = await queue("once@outbox.fidelio.test");
      const image = (await Outbox.get(id))!;
      const record = { eventID: "1", eventName: "INSERT" as const, dynamodb: { SequenceNumber: "1", NewImage: marshall(image) as never } };
      const event: DynamoDBStreamEvent = { Records: [record, record] };
      const results = await Promise.all([handler(event), handler(event), handler(event)]);
      expect(results.every((result) => result.batchItemFailures.length === 0)).toBe(true);
      expect(await Outbox.get(id)).toMatchObject({ status: "delivered", attempts: 1 });
      expect(await emailsTo("once@outbox.fidelio.test", mailUrl)).toHaveLength(1);
    } finally {
      await outboxPoller.start();
    }
  });

  it("delivers what was written while no sender ran, once one starts again", async () => {
    const email = "restart@outbox.fidelio.test";
    await createUser(email, ["teacher"]);
    await outboxPoller.stop();
    try {
      expect((await call("/api/auth/start", { body: { email } })).status).toBe(202);
      await sleep(500);
      expect(await emailsTo(email, mailUrl)).toHaveLength(0);
    } finally {
      await outboxPoller.start();
    }
    const code = await latestCode(email, 0, 15_000, mailUrl);
    expect((await call("/api/auth/verify", { body: { email, code } })).status).toBe(200);
  });

  it("works as the deployed Lambda: the bundled sender delivers a stream record", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fidelio-sender-"));
    await outboxPoller.stop();
    try {
      const outfile = join(dir, "sender.mjs");
      await build({ ...senderBundleOptions, outfile, logLevel: "silent" });
      const bundled = (await import(pathToFileURL(outfile).href)) as { handler: typeof handler };
      const id = await queue("bundled@outbox.fidelio.test");
      const image = marshall((await Outbox.get(id))!) as never;
      const result = await bundled.handler({
        Records: [{ eventID: "1", eventName: "INSERT", eventSource: "aws:dynamodb", dynamodb: { SequenceNumber: "7", NewImage: image } }],
      });
      expect(result).toEqual({ batchItemFailures: [] });
      expect(await Outbox.get(id)).toMatchObject({ status: "delivered" });
      expect(await emailsTo("bundled@outbox.fidelio.test", mailUrl)).toHaveLength(1);
    } finally {
      await outboxPoller.start();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
