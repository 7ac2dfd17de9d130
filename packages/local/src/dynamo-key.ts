import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface DynamoCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A fresh random key; DynamoDB Local wants the key id to be letters and digits only. */
export const randomDynamoCredentials = (): DynamoCredentials => ({
  accessKeyId: `fidelio${randomBytes(16).toString("hex")}`,
  secretAccessKey: randomBytes(20).toString("hex"),
});

/**
 * DynamoDB Local (without -sharedDb) keeps one database per access key id, so this per-install key,
 * kept beside the data with owner-only access, is what stands between the data and anyone else who
 * reaches the port: a client with any other key sees an empty database.
 */
export function localDynamoCredentials(dataDir: string): DynamoCredentials {
  const file = join(dataDir, "dynamodb-key");
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(randomDynamoCredentials()), { mode: 0o600 });
  return JSON.parse(readFileSync(file, "utf8")) as DynamoCredentials;
}
