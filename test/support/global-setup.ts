import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "@fidelio/local/emulators/dynamodb-local";
import { startSesLocal } from "@fidelio/local/emulators/ses-local";
import { freePort } from "@fidelio/local/emulators/free-port";
import { randomDynamoCredentials, type DynamoCredentials } from "@fidelio/local/dynamo-key";
import { parseInstant } from "@fidelio/core/clock";

/** One DynamoDB Local (in memory) and one SES mailbox for the run; each file gets its own table and sender address (table-per-file.ts). */
export default async function setup(project: TestProject) {
  // FIDELIO_NOW=<ISO instant> runs every file at that instant (see docs/testing.md); checked here, before anything starts.
  const runClock = process.env.FIDELIO_NOW ?? "";
  if (runClock) parseInstant(runClock);
  project.provide("runClock", runClock);
  // A key of this run's own: DynamoDB Local gives each key its own (here in-memory) database.
  const credentials = randomDynamoCredentials();
  const [dynamo, ses] = await Promise.all([
    freePort().then((port) => startDynamoLocal({ port, credentials })),
    freePort().then((port) => startSesLocal({ port })),
  ]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("sesEndpoint", ses.endpoint);
  project.provide("dynamoCredentials", credentials);
  // One sign-in secret for every file: the demo district copied between files (demo-table.ts) holds email hashes made with it.
  project.provide("authSecret", randomBytes(32).toString("hex"));
  // Where the first file that needs the seeded demo install builds it (test/support/demo-template.ts), and
  // the first file to seed on a given day keeps the items for the next (demo-table.ts).
  const demoTemplateDir = mkdtempSync(join(tmpdir(), "fidelio-demo-template-"));
  project.provide("demoTemplateDir", demoTemplateDir);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop()]);
    rmSync(demoTemplateDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    dynamoCredentials: DynamoCredentials;
    /** The sign-in secret every file's in-process stack uses. */
    authSecret: string;
    /** An empty directory of the run's, for the seeded demo install the `npm start` files copy. */
    demoTemplateDir: string;
    /** The run's FIDELIO_NOW, or "" for the machine's clock. */
    runClock: string;
  }
}
