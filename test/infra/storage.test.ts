import { describe, expect, it } from "vitest";
import { outboxTableSchema, tableSchema } from "@fidelio/core/dynamo/table-schema";
import { synth } from "../../infra/synth";
import { tableIdsOf } from "./template";

const keySchema = (partitionKey: string, sortKey: string) => [
  { AttributeName: partitionKey, KeyType: "HASH" },
  { AttributeName: sortKey, KeyType: "RANGE" },
];

/** The table's keys and indexes are exactly what the schema declares. */
function expectKeyedAs(properties: Record<string, any>, schema: typeof tableSchema | typeof outboxTableSchema, name: string) {
  const keyNames = [...new Set([schema.partitionKey, schema.sortKey, ...schema.indexes.flatMap((index) => [index.partitionKey, index.sortKey])])];
  expect(properties.KeySchema, name).toEqual(keySchema(schema.partitionKey, schema.sortKey));
  expect(properties.AttributeDefinitions, name).toHaveLength(keyNames.length);
  expect(properties.AttributeDefinitions, name).toEqual(expect.arrayContaining(keyNames.map((AttributeName) => ({ AttributeName, AttributeType: "S" }))));
  expect(properties.GlobalSecondaryIndexes, name).toEqual(
    schema.indexes.map((index) => ({ IndexName: index.name, KeySchema: keySchema(index.partitionKey, index.sortKey), Projection: { ProjectionType: "ALL" } })),
  );
}

describe("storage", () => {
  const synthesized = synth({ stage: "dev" });
  const { template } = synthesized;
  const ids = tableIdsOf(synthesized);
  const tables = template.findResources("AWS::DynamoDB::Table");

  it("declares exactly two tables: the records and the email outbox", () => {
    template.resourceCountIs("AWS::DynamoDB::Table", 2);
    expect(Object.keys(tables).sort()).toEqual([ids.records, ids.outbox].sort());
  });

  it("keys and indexes the records table as tableSchema says, with no stream", () => {
    expectKeyedAs(tables[ids.records]!.Properties, tableSchema, "records");
    // Nothing reads a stream of the records: one would carry every roster and audit write to a sender that skips them.
    expect(tables[ids.records]!.Properties.StreamSpecification).toBeUndefined();
    expect("stream" in tableSchema).toBe(false);
  });

  it("keys and indexes the outbox table as outboxTableSchema says, streaming new images", () => {
    expect(outboxTableSchema).toMatchObject({
      partitionKey: tableSchema.partitionKey,
      sortKey: tableSchema.sortKey,
      indexes: tableSchema.indexes,
      stream: "NEW_IMAGE",
    });
    expectKeyedAs(tables[ids.outbox]!.Properties, outboxTableSchema, "outbox");
    expect(tables[ids.outbox]!.Properties.StreamSpecification).toEqual({ StreamViewType: outboxTableSchema.stream });
  });

  it("bills both on demand, keeps point-in-time recovery, expires items by TTL and encrypts with the AWS-managed KMS key", () => {
    for (const [name, schema] of [
      ["records", tableSchema],
      ["outbox", outboxTableSchema],
    ] as const) {
      expect(tables[ids[name]]!.Properties, name).toMatchObject({
        BillingMode: "PAY_PER_REQUEST",
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: schema.timeToLiveAttribute, Enabled: true },
        // SSEEnabled with no key of ours is KMS with aws/dynamodb; absent, DynamoDB would use its own key.
        SSESpecification: { SSEEnabled: true },
      });
      expect(tables[ids[name]]!.Properties.SSESpecification, name).toEqual({ SSEEnabled: true });
    }
  });

  it("retains and deletion-protects both tables on production stages; other stages remove them", () => {
    const tablesOf = (stage: string) => {
      const staged = synth({ stage });
      const found = staged.template.findResources("AWS::DynamoDB::Table");
      const { records, outbox } = tableIdsOf(staged);
      expect(Object.keys(found), stage).toHaveLength(2);
      return { records: found[records]!, outbox: found[outbox]! };
    };
    for (const stage of ["prod", "production"]) {
      for (const [name, table] of Object.entries(tablesOf(stage))) {
        expect(table, `${stage} ${name}`).toMatchObject({
          DeletionPolicy: "Retain",
          UpdateReplacePolicy: "Retain",
          Properties: { DeletionProtectionEnabled: true },
        });
      }
    }
    for (const [name, table] of Object.entries(tablesOf("dev"))) {
      expect(table, `dev ${name}`).toMatchObject({ DeletionPolicy: "Delete", Properties: { DeletionProtectionEnabled: false } });
    }
  });

  it("names both tables in the stack outputs", () => {
    expect(template.toJSON().Outputs).toMatchObject({ TableName: { Value: { Ref: ids.records } }, OutboxTableName: { Value: { Ref: ids.outbox } } });
  });
});
