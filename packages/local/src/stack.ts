import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { ensureTable } from "@fidelio/core/dynamo/create-table";
import { seedDemoDistrict } from "./demo/seed";
import { startDynamoLocal } from "./emulators/dynamodb-local";
import { startSesLocal } from "./emulators/ses-local";
import { localAuthSecret } from "./auth-secret";
import { startServer } from "./server";

export interface StackOptions {
  port: number;
  dynamoPort: number;
  mailPort: number;
  /** Directory for DynamoDB Local's files; omit to keep everything in memory (bench). */
  dataDir?: string;
}

/** The embedded local stack: DynamoDB Local, SES local, the table, the demo district, the app. */
export async function startStack(options: StackOptions) {
  const dataDir = options.dataDir && resolve(options.dataDir);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const [dynamo, mail] = await Promise.all([
    startDynamoLocal({ port: options.dynamoPort, dataDir: dataDir && resolve(dataDir, "dynamodb") }),
    startSesLocal({ port: options.mailPort }),
  ]);
  process.env.DYNAMO_ENDPOINT = dynamo.endpoint;
  process.env.SES_ENDPOINT = mail.endpoint;
  process.env.AUTH_SECRET ??= dataDir ? localAuthSecret(dataDir) : crypto.randomUUID() + crypto.randomUUID();
  process.env.EMAIL_FROM ??= "Fidelio <no-reply@demo.fidelio.test>";
  try {
    const table = await ensureTable();
    const seed = await seedDemoDistrict();
    const app = await startServer(options.port);
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
