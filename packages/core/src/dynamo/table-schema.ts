/**
 * The one definition of the table's keys and indexes. `infra/storage.ts` builds the AWS table
 * from it and the local stack creates DynamoDB Local's table from it, so the two cannot drift.
 * Imports no AWS SDK: infra and web-safe code may read it.
 */
export const tableSchema = {
  partitionKey: "pk",
  sortKey: "sk",
  indexes: [{ name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" }],
  timeToLiveAttribute: "ttl",
  // The outbox sender reads new outbox items from the stream; it needs only the item as written.
  stream: "NEW_IMAGE",
} as const;

export const defaultTableName = "fidelio";
