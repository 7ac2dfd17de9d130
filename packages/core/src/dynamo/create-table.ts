import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  ResourceNotFoundException,
  type AttributeValue,
  type TableDescription,
} from "@aws-sdk/client-dynamodb";
import { Config } from "../config";
import { dynamo } from "./client";
import { tableSchema, outboxTableSchema } from "./table-schema";

type Schema = typeof tableSchema | typeof outboxTableSchema;

/**
 * Creates the records table and the outbox table from `./table-schema.ts` when missing (local stack and
 * tests only). A records table from before the outbox had its own table (it carried the stream) has its
 * outbox items moved over, then its stream turned off; see `moveOutboxItems`.
 */
export async function ensureTable(): Promise<"created" | "exists" | "migrated"> {
  await ensure(Config.outboxTableName(), outboxTableSchema);
  const records = await describe(Config.tableName());
  if (!records) return ensure(Config.tableName(), tableSchema);
  if (!records.StreamSpecification?.StreamEnabled) return "exists";
  await moveOutboxItems();
  // Last, so a start interrupted above moves the rest next time (it finds the stream still on).
  await dynamo().send(new UpdateTableCommand({ TableName: Config.tableName(), StreamSpecification: { StreamEnabled: false } }));
  return "migrated";
}

/**
 * Moves every OUTBOX# item of an old records table into the outbox table, one transaction each (put
 * there, delete here), so a crash leaves each email in exactly one table. Open ones are then sent by the
 * poller's start-up sweep; settled ones keep the delivery status the concern packet shows.
 */
async function moveOutboxItems() {
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({
        TableName: Config.tableName(),
        FilterExpression: "begins_with(pk, :outbox)",
        ExpressionAttributeValues: { ":outbox": { S: "OUTBOX#" } },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      // A raw command: the key module would route both halves to the outbox table.
      await dynamo().send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: Config.outboxTableName(), Item: item } },
            { Delete: { TableName: Config.tableName(), Key: { pk: item.pk!, sk: item.sk! } } },
          ],
        }),
      );
    }
    start = page.LastEvaluatedKey;
  } while (start);
}

async function ensure(name: string, schema: Schema): Promise<"created" | "exists"> {
  if (await describe(name)) return "exists";
  const keyNames = [schema.partitionKey, schema.sortKey, ...schema.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  await dynamo().send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: keyNames.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
      KeySchema: [
        { AttributeName: schema.partitionKey, KeyType: "HASH" },
        { AttributeName: schema.sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: schema.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
      StreamSpecification: "stream" in schema ? { StreamEnabled: true, StreamViewType: schema.stream } : undefined,
    }),
  );
  await dynamo().send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: schema.timeToLiveAttribute, Enabled: true } }));
  return "created";
}

/**
 * Drops a test file's tables when the file is done: DynamoDB Local keeps every table in memory, and
 * slows as they pile up over a run.
 */
export async function dropTable(): Promise<void> {
  for (const name of [Config.tableName(), Config.outboxTableName()]) {
    await dynamo()
      .send(new DeleteTableCommand({ TableName: name }))
      .catch((error: Error) => {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      });
  }
}

/** The outbox table's stream, for the local poller that stands in for Lambda's event source mapping. */
export async function outboxStreamArn(): Promise<string> {
  const name = Config.outboxTableName();
  const arn = (await describe(name))?.LatestStreamArn;
  if (!arn) throw new Error(`Table ${name} has no stream`);
  return arn;
}

async function describe(name: string): Promise<TableDescription | undefined> {
  try {
    return (await dynamo().send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
