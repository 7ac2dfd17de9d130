import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { ensureTable } from "@fidelio/core/dynamo/create-table";
import { Roster } from "@fidelio/core/roster";
import { seedDemoDistrict } from "./demo/seed";
import { startDynamoLocal } from "./emulators/dynamodb-local";
import { startSesLocal } from "./emulators/ses-local";
import { localAuthSecret } from "./auth-secret";
import { checkInWorker, runJobInWorker } from "./roster-worker";
import { startServer } from "./server";

export interface StackOptions {
  port: number;
  dynamoPort: number;
  mailPort: number;
  /** Directory for DynamoDB Local's files and the local sign-in secret. */
  dataDir: string;
  /** Keep DynamoDB Local's data in memory only (the bench: no disk writes in the figures). */
  inMemory?: boolean;
}

/** The embedded local stack: DynamoDB Local, SES local, the table, the demo district, the app. */
export async function startStack(options: StackOptions) {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const started = await Promise.allSettled([
    startDynamoLocal({ port: options.dynamoPort, dataDir: options.inMemory ? undefined : resolve(dataDir, "dynamodb") }),
    startSesLocal({ port: options.mailPort }),
  ] as const);
  const [dynamoStart, mailStart] = started;
  if (dynamoStart.status === "rejected" || mailStart.status === "rejected") {
    // Stop whichever one did start, so a failed start leaves no Java process behind.
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
    throw dynamoStart.status === "rejected" ? dynamoStart.reason : (mailStart as PromiseRejectedResult).reason;
  }
  const [dynamo, mail] = [dynamoStart.value, mailStart.value];
  // The emulators accept any credentials; the SDK still wants some, from the same place as on Lambda.
  process.env.AWS_ACCESS_KEY_ID ??= "local";
  process.env.AWS_SECRET_ACCESS_KEY ??= "local";
  process.env.AWS_REGION ??= "us-east-1";
  process.env.DYNAMO_ENDPOINT = dynamo.endpoint;
  process.env.SES_ENDPOINT = mail.endpoint;
  process.env.AUTH_SECRET ??= localAuthSecret(dataDir);
  process.env.EMAIL_FROM ??= "Fidelio <no-reply@demo.fidelio.test>";
  try {
    const table = await ensureTable();
    const seed = await seedDemoDistrict();
    const app = await startServer(options.port);
    // Roster imports run on a worker thread; those cut short by a crash finish there (no earlier run can still be alive).
    Roster.setDispatcher(runJobInWorker);
    Roster.setChecker(checkInWorker);
    await Roster.resumeUnfinished({ takeOver: true });
    return {
      url: app.url,
      mailUrl: mail.viewerUrl,
      dynamoEndpoint: dynamo.endpoint,
      table,
      seeded: seed.created,
      async stop() {
        await app.stop();
        await Promise.all([dynamo.stop(), mail.stop()]);
      },
    };
  } catch (error) {
    await Promise.all([dynamo.stop(), mail.stop()]);
    throw error;
  }
}
