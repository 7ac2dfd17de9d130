import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { tableSchema } from "@fidelio/core/dynamo/table-schema";
import { synth } from "../../infra/synth";

const keySchema = (partitionKey: string, sortKey: string) => [
  { AttributeName: partitionKey, KeyType: "HASH" },
  { AttributeName: sortKey, KeyType: "RANGE" },
];

describe("storage", () => {
  const { template } = synth({ stage: "dev" });

  it("declares exactly one table, keyed and indexed as tableSchema says", () => {
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    const keyNames = [
      tableSchema.partitionKey,
      tableSchema.sortKey,
      ...tableSchema.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: keySchema(tableSchema.partitionKey, tableSchema.sortKey),
      AttributeDefinitions: Match.arrayEquals(
        [...new Set(keyNames)].map((name) => ({ AttributeName: name, AttributeType: "S" })),
      ),
      GlobalSecondaryIndexes: Match.arrayEquals(
        tableSchema.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: keySchema(index.partitionKey, index.sortKey),
          Projection: { ProjectionType: "ALL" },
        })),
      ),
    });
  });

  it("bills on demand, keeps point-in-time recovery and expires items by TTL", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: tableSchema.timeToLiveAttribute, Enabled: true },
    });
  });

  it("retains the table in production and removes it with other stages", () => {
    const policyOf = (stage: string) =>
      Object.values(synth({ stage }).template.findResources("AWS::DynamoDB::Table"))[0]?.DeletionPolicy;
    expect(policyOf("production")).toBe("Retain");
    expect(policyOf("dev")).toBe("Delete");
  });
});
