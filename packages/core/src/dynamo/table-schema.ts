/**
 * The one definition of the tables' keys and indexes. `infra/storage.ts` builds the AWS tables from
 * it and the local stack creates DynamoDB Local's tables from it, so the two cannot drift.
 * Imports no AWS SDK: infra and web-safe code may read it.
 *
 * Two tables with the same key shape: the records, and the email outbox. Only the outbox has a
 * stream: the sender needs to see outbox writes and nothing else. A stream on the records table
 * would carry every roster and audit write to a sender that skips them, and DynamoDB Local keeps
 * every stream record it ever made in memory, each write slower than the last (without a stream,
 * flat: docs/benchmarks.md).
 * Transactions span tables, so an email still commits with the record that causes it.
 */
export const tableSchema = {
  partitionKey: "pk",
  sortKey: "sk",
  indexes: [{ name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" }],
  timeToLiveAttribute: "ttl",
} as const;

export const outboxTableSchema = {
  ...tableSchema,
  // The outbox sender reads new outbox items from the stream; it needs only the item as written.
  stream: "NEW_IMAGE",
} as const;

export const defaultTableName = "fidelio";
/** Locally (and in tests) the outbox table is named after the records table; on AWS, infra sets both. */
export const outboxTableNameFor = (tableName: string) => `${tableName}-outbox`;
