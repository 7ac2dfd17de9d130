import { randomBytes } from "node:crypto";
import { CreateTableCommand, DescribeTableCommand, GetItemCommand, PutItemCommand, TransactWriteItemsCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, describe, expect, it } from "vitest";
import { Config } from "@fidelio/core/config";
import { dropTable, ensureTable } from "@fidelio/core/dynamo/create-table";
import { dynamo, getItem, keys, queryAll, toItem, transact } from "@fidelio/core/dynamo";
import { Outbox } from "@fidelio/core/outbox";
import { tableSchema } from "@fidelio/core/dynamo/table-schema";
import { outboxPoller } from "../support/outbox-poller";

const describeTable = async (name: string) => (await dynamo().send(new DescribeTableCommand({ TableName: name }))).Table!;
const rawGet = async (table: string, key: { pk: string; sk: string }) => (await dynamo().send(new GetItemCommand({ TableName: table, Key: toItem(key) }))).Item;
const message = { to: "parent@outbox-table.fidelio.test", subject: "Test", text: "Hello", html: "<p>Hello</p>" };

describe("the outbox table", () => {
  it("is the only table with a stream; an email commits with its record in one transaction across both", async () => {
    expect((await describeTable(Config.tableName())).StreamSpecification?.StreamEnabled ?? false).toBe(false);
    expect((await describeTable(Config.outboxTableName())).StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: "NEW_IMAGE" });

    const record = { pk: "TEST#outbox-table", sk: "ITEM" };
    const mail = Outbox.email(message);
    await transact([{ put: { ...record, type: "test" } }, mail]);
    const mailKey = { pk: String(mail.put.pk), sk: String(mail.put.sk) };
    expect(await rawGet(Config.tableName(), record)).toBeDefined();
    expect(await rawGet(Config.outboxTableName(), mailKey)).toBeDefined();
    expect(await rawGet(Config.tableName(), mailKey)).toBeUndefined();
    expect(await Outbox.get(String(mail.put.id))).toMatchObject({ status: expect.any(String) });

    // All or nothing: a refused record write leaves no email behind.
    const refused = Outbox.email(message);
    await expect(transact([{ put: { ...record, type: "test" }, condition: "attribute_not_exists(pk)" }, refused])).rejects.toThrow();
    expect(await rawGet(Config.outboxTableName(), { pk: String(refused.put.pk), sk: String(refused.put.sk) })).toBeUndefined();
  });
});

describe("a local records table from before the outbox had its own", () => {
  const saved = process.env.TABLE_NAME;
  afterAll(async () => {
    await dropTable();
    process.env.TABLE_NAME = saved;
    await outboxPoller.start();
  });

  it("has its outbox items moved to the outbox table, then its stream turned off; records stay; once only", async () => {
    // The file's poller reads the file's own outbox table; this test makes tables of its own.
    await outboxPoller.stop();
    process.env.TABLE_NAME = `old-${randomBytes(6).toString("hex")}`;
    const old = Config.tableName();
    // The old layout: one table, with the stream.
    await dynamo().send(
      new CreateTableCommand({
        TableName: old,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: ["pk", "sk", "gsi1pk", "gsi1sk"].map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
        KeySchema: [
          { AttributeName: tableSchema.partitionKey, KeyType: "HASH" },
          { AttributeName: tableSchema.sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: "gsi1",
            KeySchema: [
              { AttributeName: "gsi1pk", KeyType: "HASH" },
              { AttributeName: "gsi1sk", KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
          },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
      }),
    );
    const open = Outbox.email(message);
    // Delivered: out of the open index, as the sender leaves it.
    const settled: Record<string, unknown> = { ...Outbox.email(message).put, status: "sent" };
    delete settled.gsi1pk, delete settled.gsi1sk;
    const record = { pk: "STU#old-layout", sk: "STUDENT", type: "student", name: "Kept" };
    await dynamo().send(
      new TransactWriteItemsCommand({
        TransactItems: [open.put, settled, record].map((item) => ({ Put: { TableName: old, Item: toItem(item) } })),
      }),
    );

    expect(await ensureTable()).toBe("migrated");
    expect((await describeTable(old)).StreamSpecification?.StreamEnabled ?? false).toBe(false);
    // Each email is now in the outbox table only, as it was; the open one is where the sender looks.
    for (const item of [open.put as Record<string, unknown>, settled]) {
      const key = { pk: String(item.pk), sk: String(item.sk) };
      expect(await rawGet(old, key)).toBeUndefined();
      expect(await getItem(key)).toEqual(item);
    }
    expect((await queryAll(keys.outboxOpenAll())).map((item) => item.id)).toEqual([open.put.id]);
    expect(await rawGet(old, { pk: record.pk, sk: record.sk })).toBeDefined();

    expect(await ensureTable()).toBe("exists");
    await dynamo().send(new PutItemCommand({ TableName: old, Item: toItem({ pk: "STU#after", sk: "STUDENT" }) }));
    expect(await ensureTable()).toBe("exists");
  });
});
