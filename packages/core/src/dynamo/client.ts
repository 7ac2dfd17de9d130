import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  BatchWriteItemCommand,
  BatchGetItemCommand,
  type TransactWriteItem,
  type AttributeValue,
} from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { Config } from "../config";

type Item = Record<string, unknown>;

let client: DynamoDBClient | undefined;

/** One client per process; a configured endpoint points it at DynamoDB Local. */
export function dynamo(): DynamoDBClient {
  // Credentials come from the environment on Lambda and locally alike (the local stack sets dummy ones).
  const endpoint = Config.dynamoEndpoint();
  client ??= new DynamoDBClient(endpoint ? { endpoint } : {});
  return client;
}

export const tableName = () => Config.tableName();

export const toItem = (value: Item) => marshall(value, { removeUndefinedValues: true, convertClassInstanceToMap: true });
export const fromItem = <T = Item>(item: Record<string, AttributeValue>) => unmarshall(item) as T;

export async function getItem<T = Item>(key: { pk: string; sk: string }, consistent = false): Promise<T | undefined> {
  const out = await dynamo().send(
    new GetItemCommand({ TableName: tableName(), Key: toItem(key), ConsistentRead: consistent }),
  );
  return out.Item ? fromItem<T>(out.Item) : undefined;
}

export async function putItem(item: Item, condition?: string, names?: Record<string, string>, values?: Item) {
  await dynamo().send(
    new PutItemCommand({
      TableName: tableName(),
      Item: toItem(item),
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values ? toItem(values) : undefined,
    }),
  );
}

export interface QueryPage<T> {
  items: T[];
  cursor?: string;
}

/** One page of a Query; the cursor is the opaque LastEvaluatedKey for the next page. */
export async function queryPage<T = Item>(input: {
  pk: string;
  skPrefix?: string;
  index?: "gsi1";
  limit?: number;
  cursor?: string;
  newestFirst?: boolean;
}): Promise<QueryPage<T>> {
  const pkName = input.index ? "gsi1pk" : "pk";
  const skName = input.index ? "gsi1sk" : "sk";
  const out = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: input.index,
      KeyConditionExpression: input.skPrefix ? "#pk = :pk AND begins_with(#sk, :sk)" : "#pk = :pk",
      ExpressionAttributeNames: input.skPrefix ? { "#pk": pkName, "#sk": skName } : { "#pk": pkName },
      ExpressionAttributeValues: toItem(input.skPrefix ? { ":pk": input.pk, ":sk": input.skPrefix } : { ":pk": input.pk }),
      Limit: input.limit,
      ScanIndexForward: !input.newestFirst,
      ExclusiveStartKey: input.cursor ? JSON.parse(Buffer.from(input.cursor, "base64url").toString()) : undefined,
    }),
  );
  return {
    items: (out.Items ?? []).map((i) => fromItem<T>(i)),
    cursor: out.LastEvaluatedKey ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString("base64url") : undefined,
  };
}

/** Every item of a partition; only for partitions bounded by design (one student, one district's roster). */
export async function queryAll<T = Item>(input: { pk: string; skPrefix?: string; index?: "gsi1" }): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage<T>({ ...input, cursor });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

export type TransactPut = { put: Item; condition?: string; names?: Record<string, string>; values?: Item };
export type TransactCheck = { check: { pk: string; sk: string }; condition: string; names?: Record<string, string>; values?: Item };
export type TransactDelete = { delete: { pk: string; sk: string }; condition?: string; names?: Record<string, string>; values?: Item };
export type TransactUpdate = { update: { pk: string; sk: string }; expression: string; condition?: string; names?: Record<string, string>; values?: Item };
export type TransactOp = TransactPut | TransactCheck | TransactDelete | TransactUpdate;

export async function transact(ops: TransactOp[]) {
  const TableName = tableName();
  const common = (op: { condition?: string; names?: Record<string, string>; values?: Item }) => ({
    TableName,
    ConditionExpression: op.condition,
    ExpressionAttributeNames: op.names,
    ExpressionAttributeValues: op.values ? toItem(op.values) : undefined,
  });
  const items: TransactWriteItem[] = ops.map((op) =>
    "put" in op
      ? { Put: { ...common(op), Item: toItem(op.put) } }
      : "check" in op
        ? { ConditionCheck: { ...common(op), Key: toItem(op.check), ConditionExpression: op.condition } }
        : "update" in op
          ? { Update: { ...common(op), Key: toItem(op.update), UpdateExpression: op.expression } }
          : { Delete: { ...common(op), Key: toItem(op.delete) } },
  );
  await dynamo().send(new TransactWriteItemsCommand({ TransactItems: items }));
}

/** Unconditional puts in batches of 25, sent in parallel; retries what DynamoDB hands back unprocessed. */
export const batchPut = (items: Item[]) => batchWrite(items.map((item) => ({ PutRequest: { Item: toItem(item) } })));

/** Unconditional deletes, batched like batchPut. */
export const batchDelete = (keyList: Array<{ pk: string; sk: string }>) =>
  batchWrite(keyList.map((key) => ({ DeleteRequest: { Key: toItem(key) } })));

type WriteRequest = { PutRequest: { Item: Record<string, AttributeValue> } } | { DeleteRequest: { Key: Record<string, AttributeValue> } };

async function batchWrite(requests: WriteRequest[]) {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  await Promise.all(
    chunks.map(async (chunk) => {
      let pending = chunk;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** attempt));
        const out = await dynamo().send(new BatchWriteItemCommand({ RequestItems: { [tableName()]: pending } }));
        pending = (out.UnprocessedItems?.[tableName()] ?? []) as typeof pending;
      }
    }),
  );
}

/** Many GetItems in batches of 100, sent in parallel; duplicate keys are read once, order is not kept. */
export async function batchGet<T = Item>(keyList: Array<{ pk: string; sk: string }>, consistent = false): Promise<T[]> {
  const unique = [...new Map(keyList.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  const chunks: Array<typeof unique> = [];
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
  const found: T[] = [];
  await Promise.all(
    chunks.map(async (chunk) => {
      let pending = chunk.map((key) => toItem(key));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** attempt));
        const out = await dynamo().send(
          new BatchGetItemCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: consistent } } }),
        );
        found.push(...(out.Responses?.[tableName()] ?? []).map((item) => fromItem<T>(item)));
        pending = out.UnprocessedKeys?.[tableName()]?.Keys ?? [];
      }
    }),
  );
  return found;
}
