import { chmodSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { ensureTable } from "@fidelio/core/dynamo/create-table";
import { Concern } from "@fidelio/core/concern";
import { Roster } from "@fidelio/core/roster";
import { seedDemoDistrict } from "./demo/seed";
import { seedDemoConcerns } from "./demo/concerns";
import { startDynamoLocal } from "./emulators/dynamodb-local";
import { startSesLocal } from "./emulators/ses-local";
import { localAuthSecret } from "./auth-secret";
import { startOutboxPoller } from "./outbox-poller";
import { localDynamoCredentials } from "./dynamo-key";
import { checkInWorker, runJobInWorker, startRosterWorker, stopRosterWorker } from "./roster-worker";
import { linkEmailsTo, startServer } from "./server";
import { startLocalWorkflow } from "./workflow/index";
import { startReminderTimer } from "./reminder-timer";

export interface StackOptions {
  port: number;
  dynamoPort: number;
  mailPort: number;
  /** Directory for DynamoDB Local's files and the local sign-in secret. */
  dataDir: string;
  /** Keep DynamoDB Local's data in memory only (the bench: no disk writes in the figures). */
  inMemory?: boolean;
  /** Told each step as it begins, so `npm start` can say what it is waiting for. */
  progress?: (step: string) => void;
}

/** The embedded local stack: DynamoDB Local, SES local, the table, the demo district, the outbox poller, the app. */
export async function startStack(options: StackOptions) {
  const dataDir = resolve(options.dataDir);
  // The sign-in secret, the database key and the data: the owner's alone.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  process.env.AWS_REGION ??= "us-east-1";
  // The per-install key wins over whatever the shell has: only it opens this install's database.
  const credentials = localDynamoCredentials(dataDir);
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  const progress = options.progress ?? (() => {});
  progress("starting DynamoDB Local and the SES mailbox");
  const started = await Promise.allSettled([
    startDynamoLocal({
      port: options.dynamoPort,
      dataDir: options.inMemory ? undefined : resolve(dataDir, "dynamodb"),
      credentials,
      region: process.env.AWS_REGION,
      corsOrigin: `http://127.0.0.1:${options.port}`,
    }),
    startSesLocal({ port: options.mailPort }),
  ] as const);
  const [dynamoStart, mailStart] = started;
  if (dynamoStart.status === "rejected" || mailStart.status === "rejected") {
    // Stop whichever one did start, so a failed start leaves no Java process behind.
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    throw dynamoStart.status === "rejected" ? dynamoStart.reason : (mailStart as PromiseRejectedResult).reason;
  }
  const [dynamo, mail] = [dynamoStart.value, mailStart.value];
  process.env.DYNAMO_ENDPOINT = dynamo.endpoint;
  process.env.SES_ENDPOINT = mail.endpoint;
  process.env.AUTH_SECRET ??= localAuthSecret(dataDir);
  process.env.EMAIL_FROM ??= "Fidelio <no-reply@demo.fidelio.test>";
  // Links in emails (the demo's concerns are filed before the server listens) lead to this app; the server confirms it once listening.
  if (options.port > 0) linkEmailsTo(`http://127.0.0.1:${options.port}`);
  let poller: Awaited<ReturnType<typeof startOutboxPoller>> | undefined;
  let workflow: Awaited<ReturnType<typeof startLocalWorkflow>> | undefined;
  let reminders: ReturnType<typeof startReminderTimer> | undefined;
  try {
    progress("creating the tables if missing");
    const table = await ensureTable();
    progress("seeding demo district (first start only)");
    const seed = await seedDemoDistrict();
    // Made before the runner starts, which then resumes the open ones like any other concern.
    progress("seeding demo concerns (first start only)");
    await seedDemoConcerns();
    // Sign-in codes (and every other email) leave through the outbox, which this delivers.
    poller = await startOutboxPoller();
    // Escalations run in this process on the synthesized ASL; every open concern carries on where it stands.
    progress("resuming open concerns");
    workflow = await startLocalWorkflow(Concern.openIds);
    // Weekly fidelity reminders: the handler the EventBridge schedule runs on AWS, here on a timer.
    reminders = startReminderTimer();
    // Roster imports are checked and run on one worker thread, started and set before the first request
    // can start one; those cut short by a crash finish there once the app is up (no earlier run can still be alive).
    startRosterWorker();
    Roster.setDispatcher(runJobInWorker);
    Roster.setChecker(checkInWorker);
    progress("starting the app");
    const app = await startServer(options.port);
    await Roster.resumeUnfinished({ takeOver: true });
    return {
      url: app.url,
      mailUrl: mail.viewerUrl,
      dynamoEndpoint: dynamo.endpoint,
      table,
      seeded: seed.created,
      async stop() {
        await app.stop();
        await stopRosterWorker();
        await reminders?.stop();
        await workflow?.stop();
        await poller?.stop();
        await Promise.all([dynamo.stop(), mail.stop()]);
      },
    };
  } catch (error) {
    await stopRosterWorker();
    await reminders?.stop();
    await workflow?.stop();
    await poller?.stop();
    await Promise.all([dynamo.stop(), mail.stop()]);
    throw error;
  }
}
