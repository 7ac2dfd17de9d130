import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { dropTable, ensureTable } from "@fidelio/core/dynamo/create-table";
import { Roster } from "@fidelio/core/roster";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { freePort } from "@fidelio/local/emulators/free-port";
import { startSesLocal } from "@fidelio/local/emulators/ses-local";
import { outboxPoller } from "./outbox-poller";
import { resetClockForFile } from "./clock";
import { useMailbox } from "./mail";

// This file's own mailbox (aws-ses-v2-local in this worker, milliseconds to start): files run side by side,
// and the demo accounts' addresses repeat across files, so a shared mailbox would hand one file another's codes.
const mailbox = await startSesLocal({ port: await freePort() });
useMailbox(mailbox.endpoint);

// Set before any core module builds its clients: they read the environment on first use.
process.env.DYNAMO_ENDPOINT = inject("dynamoEndpoint");
process.env.SES_ENDPOINT = mailbox.endpoint;
process.env.TABLE_NAME = `test-${randomBytes(6).toString("hex")}`;
process.env.AUTH_SECRET = randomBytes(32).toString("hex");
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
  await outboxPoller.stop();
  // A run makes some fifty tables; DynamoDB Local slows as they and their streams pile up.
  await dropTable();
  await mailbox.stop();
}, 60_000);
