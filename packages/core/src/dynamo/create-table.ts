import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  ResourceNotFoundException,
  type TableDescription,
} from "@aws-sdk/client-dynamodb";
import { dynamo, tableName } from "./client";
import { tableSchema } from "./table-schema";

const streamSpecification = { StreamEnabled: true, StreamViewType: tableSchema.stream };

/**
 * Creates the table from `tableSchema` when it does not exist yet (local stack and tests only). A table
 * kept from before the outbox existed gets its stream turned on, so old local data keeps working.
 */
export async function ensureTable(name = tableName()): Promise<"created" | "exists"> {
  const existing = await describe(name);
  if (existing) {
    if (!existing.StreamSpecification?.StreamEnabled) {
      await dynamo().send(new UpdateTableCommand({ TableName: name, StreamSpecification: streamSpecification }));
    }
    return "exists";
  }
  const keyNames = [tableSchema.partitionKey, tableSchema.sortKey, ...tableSchema.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  await dynamo().send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: keyNames.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
      KeySchema: [
        { AttributeName: tableSchema.partitionKey, KeyType: "HASH" },
        { AttributeName: tableSchema.sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: tableSchema.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
      StreamSpecification: streamSpecification,
    }),
  );
  await dynamo().send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: tableSchema.timeToLiveAttribute, Enabled: true },
    }),
  );
  return "created";
}

/**
 * Drops a test file's table when the file is done: DynamoDB Local keeps every table and its stream in
 * memory and slows as they pile up over a run.
 */
export async function dropTable(name = tableName()): Promise<void> {
  await dynamo().send(new DeleteTableCommand({ TableName: name })).catch((error: Error) => {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  });
}

/** The table's stream, for the local poller that stands in for Lambda's event source mapping. */
export async function tableStreamArn(name = tableName()): Promise<string> {
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
