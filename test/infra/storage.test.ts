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

  it("streams new images (tableSchema.stream) and encrypts with the AWS-managed KMS key", () => {
    expect(tableSchema.stream).toBe("NEW_IMAGE");
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      StreamSpecification: { StreamViewType: tableSchema.stream },
      // SSEEnabled with no key of ours is KMS with aws/dynamodb; absent, DynamoDB would use its own key.
      SSESpecification: Match.objectEquals({ SSEEnabled: true }),
    });
  });

  it("retains and deletion-protects the table on production stages; other stages remove it", () => {
    const tableOf = (stage: string) => Object.values(synth({ stage }).template.findResources("AWS::DynamoDB::Table"))[0]!;
    for (const stage of ["prod", "production"]) {
      expect(tableOf(stage), stage).toMatchObject({ DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain", Properties: { DeletionProtectionEnabled: true } });
    }
    expect(tableOf("dev")).toMatchObject({ DeletionPolicy: "Delete", Properties: { DeletionProtectionEnabled: false } });
  });
});
