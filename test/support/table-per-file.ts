import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { dropTable, ensureTable } from "@fidelio/core/dynamo/create-table";
import { Roster } from "@fidelio/core/roster";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { outboxPoller } from "./outbox-poller";
import { resetClockForFile } from "./clock";
import { runFileEnd } from "./file-end";
import { useSender } from "./mail";

/**
 * A worker runs many test files one after another, with the modules they import loaded once
 * (`isolate: false` in vitest.config.ts). What a file does to the environment ends with it: each file
 * starts from the environment the worker started with (vitest's own variables aside), then gets its own.
 */
const started = ((globalThis as { fidelioWorkerEnv?: Record<string, string | undefined> }).fidelioWorkerEnv ??= { ...process.env });
for (const name of Object.keys(process.env)) if (!(name in started) && !name.startsWith("VITEST")) delete process.env[name];
for (const [name, value] of Object.entries(started)) if (!name.startsWith("VITEST")) process.env[name] = value;

const fileId = randomBytes(6).toString("hex");
// Set before any core module builds its clients: they read the environment on first use.
process.env.DYNAMO_ENDPOINT = inject("dynamoEndpoint");
process.env.SES_ENDPOINT = inject("sesEndpoint");
process.env.TABLE_NAME = `test-${fileId}`;
// Files run side by side into the run's one mailbox, and the demo accounts' addresses repeat across
// files: each file sends from an address of its own and reads only what it sent (test/support/mail.ts).
process.env.EMAIL_FROM = `Fidelio <no-reply-${fileId}@fidelio.test>`;
useSender(`no-reply-${fileId}@fidelio.test`);
process.env.AUTH_SECRET = inject("authSecret");
process.env.AWS_REGION = "us-east-1";
process.env.AWS_ACCESS_KEY_ID = inject("dynamoCredentials").accessKeyId;
process.env.AWS_SECRET_ACCESS_KEY = inject("dynamoCredentials").secretAccessKey;

resetClockForFile();

await ensureTable();
// Roster jobs run on the test's own event loop (the local server uses a worker thread; AWS, the job's function).
Roster.setDispatcher(RosterRunner.inProcess);
// Email leaves through the outbox, as with `npm start`: this file's table gets its own stream poller.
await outboxPoller.start();
afterAll(async () => {
  await runFileEnd();
  await outboxPoller.stop();
  // A run makes some fifty tables; DynamoDB Local slows as they and their streams pile up.
  await dropTable();
}, 60_000);
