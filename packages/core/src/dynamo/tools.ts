import { DynamoDBClient, ListTablesCommand, ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { Item } from "./client";

/**
 * Reads for local tools aimed at a DynamoDB other than this process's (the emulator's readiness probe,
 * the fuzz run's table snapshot), so they need no SDK of their own. Never on a request path.
 */
export interface DynamoConnection {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** True when the DynamoDB at `connection` answers a request. */
export async function isAnswering(connection: DynamoConnection): Promise<boolean> {
  const client = new DynamoDBClient(connection);
  try {
    await client.send(new ListTablesCommand({}));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/** Every item of a table, by Scan: a whole-table read, for checking a test stack's data. */
export async function scanTable(connection: DynamoConnection, tableName: string): Promise<Item[]> {
  const client = new DynamoDBClient(connection);
  const items: Item[] = [];
  let start: Record<string, AttributeValue> | undefined;
  try {
    do {
      const out = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []).map((item) => unmarshall(item)));
      start = out.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return items;
}
