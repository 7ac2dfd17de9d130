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
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { Config } from "../config";
import { VisibleError } from "../error";
import { fromItem, type ItemType } from "./item-type";
import { keys } from "./keys";
import { maxCursorLength } from "../paging/cursor";

/** A stored item as plain JavaScript values; each domain parses it with its item type (./item-type.ts). */
export type Item = Record<string, unknown>;

let client: DynamoDBClient | undefined;

/** One client per process; a configured endpoint points it at DynamoDB Local. */
export function dynamo(): DynamoDBClient {
  // Credentials come from the environment on Lambda and locally alike (the local stack sets dummy ones).
  const endpoint = Config.dynamoEndpoint();
  if (!client) {
    client = new DynamoDBClient(endpoint ? { endpoint } : {});
    // The SDK's logger middleware copies every request and answer through its sensitive-data filter
    // (walking each attribute of each item) to hand them to the client's logger, which is a no-op here.
    // In a profile under the bench's load that filter took more CPU than all of Fidelio's own code.
    client.middlewareStack.remove("loggerMiddleware");
  }
  return client;
}

export const tableName = () => Config.tableName();

/**
 * The table an item lives in, by its partition key (or an index query's): the email outbox has a
 * table of its own, the one with a stream (./table-schema.ts says why); every other record is in
 * the records table. Callers never name a table.
 */
export const tableOf = (pk: string) => (keys.isOutbox(pk) ? Config.outboxTableName() : Config.tableName());

export const toItem = (value: Item) => marshall(value, { removeUndefinedValues: true, convertClassInstanceToMap: true });
/** An item in DynamoDB's attribute-value form (a stream image, a raw read) as plain values, unchecked. */
export const fromImage = (image: Record<string, unknown>): Item => unmarshall(image as Record<string, AttributeValue>);

type Key = { pk: string; sk: string };
// The read helpers take an item type and answer parsed items. Called without one they answer raw items;
// a type argument there is an unchecked cast, kept only for roster code until it moves to item types.
const converter =
  <T>(type: ItemType<T> | undefined) =>
  (image: Record<string, AttributeValue>): T =>
    type ? fromItem(type, unmarshall(image)) : (unmarshall(image) as T);

export async function getItem<T>(type: ItemType<T>, key: Key, consistent?: boolean): Promise<T | undefined>;
export async function getItem<T = Item>(key: Key, consistent?: boolean): Promise<T | undefined>;
export async function getItem<T>(...args: [ItemType<T>, Key, boolean?] | [Key, boolean?]): Promise<T | undefined> {
  const [type, key, consistent = false] = "schema" in args[0] ? (args as [ItemType<T>, Key, boolean?]) : [undefined, ...(args as [Key, boolean?])];
  const out = await dynamo().send(new GetItemCommand({ TableName: tableOf(key.pk), Key: toItem(key), ConsistentRead: consistent }));
  return out.Item ? converter(type)(out.Item) : undefined;
}

export async function putItem(item: Item, condition?: string, names?: Record<string, string>, values?: Item) {
  await dynamo().send(
    new PutItemCommand({
      TableName: tableOf(String(item.pk)),
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

export interface QueryInput {
  pk: string;
  skPrefix?: string;
  /** Inclusive sort-key range; instead of skPrefix. */
  skBetween?: [string, string];
  index?: "gsi1";
  limit?: number;
  cursor?: string;
  newestFirst?: boolean;
  /**
   * With `limit`: read one item more, to tell whether more follow. The page then has a cursor only
   * when they do (DynamoDB alone sets one whenever the limit is reached), pointing after its last item.
   */
  exact?: boolean;
}

const badCursor = () =>
  new VisibleError(
    400,
    "invalid_cursor",
    "This page link is not valid for this list (it may belong to another list or be damaged). Start again from the first page.",
  );

// Which query a cursor belongs to: a cursor from another list, student or direction is refused.
const cursorScope = (input: QueryInput) =>
  JSON.stringify([input.index ?? "table", input.pk, input.skPrefix ?? "", input.newestFirst === true, ...(input.skBetween ?? [])]);

let cursorKey: { secret: string; key: Buffer } | undefined;
const cursorKeyOf = (secret: string) => {
  if (cursorKey?.secret !== secret) cursorKey = { secret, key: createHmac("sha256", secret).update("fidelio cursor key v1").digest() };
  return cursorKey.key;
};

/**
 * Cursors are sealed with AES-256-GCM (key derived from AUTH_SECRET) and the query's scope as
 * associated data: the tag signs them, as an HMAC would, and encryption also keeps the key values
 * (a student's sort name is part of a list's key) out of URLs and logs.
 */
function sealCursor(lastKey: Record<string, AttributeValue>, input: QueryInput): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", cursorKeyOf(Config.authSecret()), iv);
  cipher.setAAD(Buffer.from(cursorScope(input)));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(lastKey)), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

function openCursor(cursor: string, input: QueryInput): Record<string, AttributeValue> {
  if (cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
  const bytes = Buffer.from(cursor, "base64url");
  if (bytes.length < 12 + 16 + 2) throw badCursor();
  try {
    const decipher = createDecipheriv("aes-256-gcm", cursorKeyOf(Config.authSecret()), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(cursorScope(input)));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as Record<string, AttributeValue>;
  } catch {
    throw badCursor();
  }
}

async function query(input: QueryInput, startKey?: Record<string, AttributeValue>) {
  const pkName = input.index ? "gsi1pk" : "pk";
  const skName = input.index ? "gsi1sk" : "sk";
  const [condition, values] = input.skBetween
    ? ["#pk = :pk AND #sk BETWEEN :from AND :to", { ":pk": input.pk, ":from": input.skBetween[0], ":to": input.skBetween[1] }]
    : input.skPrefix
      ? ["#pk = :pk AND begins_with(#sk, :sk)", { ":pk": input.pk, ":sk": input.skPrefix }]
      : ["#pk = :pk", { ":pk": input.pk }];
  return dynamo().send(
    new QueryCommand({
      TableName: tableOf(input.pk),
      IndexName: input.index,
      KeyConditionExpression: condition,
      ExpressionAttributeNames: condition === "#pk = :pk" ? { "#pk": pkName } : { "#pk": pkName, "#sk": skName },
      ExpressionAttributeValues: toItem(values),
      Limit: input.limit !== undefined && input.exact ? input.limit + 1 : input.limit,
      ScanIndexForward: !input.newestFirst,
      ExclusiveStartKey: startKey,
    }),
  );
}

/** One page of a Query; the cursor is the sealed LastEvaluatedKey, valid only for this same query. */
export async function queryPage<T>(type: ItemType<T>, input: QueryInput): Promise<QueryPage<T>>;
export async function queryPage<T = Item>(input: QueryInput): Promise<QueryPage<T>>;
export async function queryPage<T>(...args: [ItemType<T>, QueryInput] | [QueryInput]): Promise<QueryPage<T>> {
  const [type, input] = args.length === 2 ? args : [undefined, args[0]];
  const out = await query(input, input.cursor ? openCursor(input.cursor, input) : undefined);
  const raw = out.Items ?? [];
  if (input.exact && input.limit !== undefined && raw.length > input.limit) {
    const last = raw[input.limit - 1]!;
    const names = input.index ? ["pk", "sk", "gsi1pk", "gsi1sk"] : ["pk", "sk"];
    const key = Object.fromEntries(names.map((name) => [name, last[name]!]));
    return { items: raw.slice(0, input.limit).map(converter(type)), cursor: sealCursor(key, input) };
  }
  return {
    items: raw.map(converter(type)),
    cursor: out.LastEvaluatedKey ? sealCursor(out.LastEvaluatedKey, input) : undefined,
  };
}

type WholeQuery = Omit<QueryInput, "cursor" | "limit">;

/** Every item of a partition; only for partitions bounded by design (one student, one district's roster). */
export async function queryAll<T>(type: ItemType<T>, input: WholeQuery): Promise<T[]>;
export async function queryAll<T = Item>(input: WholeQuery): Promise<T[]>;
export async function queryAll<T>(...args: [ItemType<T>, WholeQuery] | [WholeQuery]): Promise<T[]> {
  const [type, input] = args.length === 2 ? args : [undefined, args[0]];
  const items: T[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const out = await query(input, startKey);
    items.push(...(out.Items ?? []).map(converter(type)));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export type TransactPut = { put: Item; condition?: string; names?: Record<string, string>; values?: Item };
export type TransactCheck = { check: { pk: string; sk: string }; condition: string; names?: Record<string, string>; values?: Item };
export type TransactDelete = { delete: { pk: string; sk: string }; condition?: string; names?: Record<string, string>; values?: Item };
export type TransactUpdate = { update: { pk: string; sk: string }; expression: string; condition?: string; names?: Record<string, string>; values?: Item };
export type TransactOp = TransactPut | TransactCheck | TransactDelete | TransactUpdate;

/** All or nothing, across both tables: an outbox email commits with the record that causes it. */
export async function transact(ops: TransactOp[]) {
  const common = (op: TransactOp) => ({
    TableName: tableOf(String("put" in op ? op.put.pk : "check" in op ? op.check.pk : "update" in op ? op.update.pk : op.delete.pk)),
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

/** Each operation's cancellation code when DynamoDB cancelled a transaction (undefined for one that was fine); undefined for any other error. */
export function cancellationCodes(error: unknown): Array<string | undefined> | undefined {
  if (!(error instanceof Error) || error.name !== "TransactionCanceledException") return undefined;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
  return reasons?.map((reason) => (reason.Code === "None" ? undefined : reason.Code));
}

/** The positions (in the `transact` list) of the operations whose condition refused a cancelled transaction. */
export const refusedOperations = (error: unknown): number[] =>
  (cancellationCodes(error) ?? []).flatMap((code, i) => (code === "ConditionalCheckFailed" ? [i] : []));

/** Whether the operation at `index` of a cancelled transaction was refused by its condition. */
export const isConditionFailureAt = (error: unknown, index: number) => refusedOperations(error).includes(index);

/**
 * `transact`, sent again with jittered backoff (up to 5 times) while DynamoDB cancels it only because
 * another transaction was writing one of the same items at that moment (TransactionConflict); a refused
 * condition is never retried, it is the caller's answer.
 */
export async function transactRetryingConflicts(ops: TransactOp[]) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await transact(ops);
    } catch (error) {
      const codes = cancellationCodes(error);
      const conflicted = codes?.includes("TransactionConflict") && !codes.includes("ConditionalCheckFailed");
      if (!conflicted || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * 2 ** attempt));
    }
  }
}

/** Unconditional puts in batches of 25, sent in parallel; retries what DynamoDB hands back unprocessed. */
export const batchPut = (items: Item[]) => batchWrite(items.map((item) => [String(item.pk), { PutRequest: { Item: toItem(item) } }]));

/** Unconditional deletes, batched like batchPut. */
export const batchDelete = (keyList: Array<{ pk: string; sk: string }>) => batchWrite(keyList.map((key) => [key.pk, { DeleteRequest: { Key: toItem(key) } }]));

type WriteRequest = { PutRequest: { Item: Record<string, AttributeValue> } } | { DeleteRequest: { Key: Record<string, AttributeValue> } };

/** Requests grouped by table (each chunk of 25 goes to one), in the order given within a table. */
function byTable<T>(entries: Array<[pk: string, request: T]>): Map<string, T[]> {
  const tables = new Map<string, T[]>();
  for (const [pk, request] of entries) {
    const table = tableOf(pk);
    const list = tables.get(table);
    if (list) list.push(request);
    else tables.set(table, [request]);
  }
  return tables;
}

async function batchWrite(requests: Array<[pk: string, request: WriteRequest]>) {
  const chunks: Array<[string, WriteRequest[]]> = [];
  for (const [table, list] of byTable(requests)) for (let i = 0; i < list.length; i += 25) chunks.push([table, list.slice(i, i + 25)]);
  await Promise.all(
    chunks.map(([table, chunk]) =>
      untilProcessed(chunk, async (pending) => {
        const out = await dynamo().send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
        return (out.UnprocessedItems?.[table] ?? []) as WriteRequest[];
      }),
    ),
  );
}

/** Attempts of one batch before giving up: with full-jitter backoff they span about 6 s of throttling. */
export const maxBatchAttempts = 8;

/**
 * Sends a batch, then what DynamoDB hands back unprocessed, with exponential backoff and full jitter.
 * Gives up after `maxBatchAttempts` with an error naming what was left, so throttling never loops forever.
 */
export async function untilProcessed<T>(batch: T[], send: (pending: T[]) => Promise<T[]>, baseDelayMs = 50): Promise<void> {
  let pending = batch;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt >= maxBatchAttempts) {
      throw new Error(`DynamoDB left ${pending.length} of ${batch.length} batch requests unprocessed after ${maxBatchAttempts} attempts`);
    }
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * baseDelayMs * 2 ** attempt));
    pending = await send(pending);
  }
}

/** Many GetItems in batches of 100, sent in parallel; duplicate keys are read once, order is not kept. */
export async function batchGet<T>(type: ItemType<T>, keyList: Key[], consistent?: boolean): Promise<T[]>;
export async function batchGet<T = Item>(keyList: Key[], consistent?: boolean): Promise<T[]>;
export async function batchGet<T>(...args: [ItemType<T>, Key[], boolean?] | [Key[], boolean?]): Promise<T[]> {
  const [type, keyList, consistent = false] = Array.isArray(args[0]) ? [undefined, ...(args as [Key[], boolean?])] : (args as [ItemType<T>, Key[], boolean?]);
  const unique = [...new Map(keyList.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  const chunks: Array<[string, typeof unique]> = [];
  for (const [table, list] of byTable(unique.map((key) => [key.pk, key] as [string, Key]))) {
    for (let i = 0; i < list.length; i += 100) chunks.push([table, list.slice(i, i + 100)]);
  }
  const found: T[] = [];
  await Promise.all(
    chunks.map(([table, chunk]) =>
      untilProcessed(
        chunk.map((key) => toItem(key)),
        async (pending) => {
          const out = await dynamo().send(new BatchGetItemCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent } } }));
          found.push(...(out.Responses?.[table] ?? []).map(converter(type)));
          return out.UnprocessedKeys?.[table]?.Keys ?? [];
        },
      ),
    ),
  );
  return found;
}
