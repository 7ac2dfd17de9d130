import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "@fidelio/local/emulators/dynamodb-local";
import { startSesLocal } from "@fidelio/local/emulators/ses-local";
import { freePort } from "@fidelio/local/emulators/free-port";
import { randomDynamoCredentials, type DynamoCredentials } from "@fidelio/local/dynamo-key";

/** One DynamoDB Local (in memory) and one SES mailbox for the whole run; each file gets its own table. */
export default async function setup(project: TestProject) {
  // A key of this run's own: DynamoDB Local gives each key its own (here in-memory) database.
  const credentials = randomDynamoCredentials();
  const [dynamo, ses] = await Promise.all([
    freePort().then((port) => startDynamoLocal({ port, credentials })),
    freePort().then((port) => startSesLocal({ port })),
  ]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("sesEndpoint", ses.endpoint);
  project.provide("dynamoCredentials", credentials);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop()]);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    dynamoCredentials: DynamoCredentials;
  }
}
