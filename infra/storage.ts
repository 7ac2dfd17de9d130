import { RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from "aws-cdk-lib/aws-dynamodb";
import { Grant, type IGrantable } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { outboxTableSchema, tableSchema } from "@fidelio/core/dynamo/table-schema";

export interface StorageProps {
  /** Production data must outlive a mistaken `sst remove` or a stack rename. */
  retain: boolean;
}

type Schema = typeof tableSchema | typeof outboxTableSchema;

/**
 * The two DynamoDB tables, keyed alike from core's schema so infra and the local stack cannot drift:
 * the records, and the email outbox (every `OUTBOX#` item), which alone has a stream. A stream on the
 * records table would invoke the sender for every roster and audit write, only to be skipped.
 */
export class Storage extends Construct {
  /** The records (TABLE_NAME): no stream. */
  readonly table: Table;
  /** The email outbox (OUTBOX_TABLE_NAME): its stream invokes the outbox sender. */
  readonly outbox: Table;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    this.table = declareTable(this, "Table", tableSchema, props);
    this.outbox = declareTable(this, "Outbox", outboxTableSchema, props);
  }
}

function declareTable(scope: Construct, id: string, schema: Schema, props: StorageProps) {
  // No tableName: CloudFormation names it, so stages never collide and replacements succeed.
  const table = new Table(scope, id, {
    partitionKey: { name: schema.partitionKey, type: AttributeType.STRING },
    sortKey: { name: schema.sortKey, type: AttributeType.STRING },
    // Usage follows the school week; on-demand avoids paying for idle evenings and summers.
    billingMode: BillingMode.PAY_PER_REQUEST,
    // Student records are legal evidence, and the outbox is what was sent to whom: a bad write must be recoverable to the second.
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: schema.timeToLiveAttribute,
    // Only the outbox schema names a view: the sender reads new outbox items from that stream.
    ...("stream" in schema && { stream: StreamViewType[schema.stream] }),
    // AWS-managed KMS key: CloudTrail records each use of it, and there is no key policy of ours to get wrong.
    encryption: TableEncryption.AWS_MANAGED,
    // On production, deleting a table takes two deliberate steps (turn this off, then delete), and
    // removing the stack leaves the tables behind.
    deletionProtection: props.retain,
    removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  for (const index of schema.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      // Access patterns read whole items from the index; ALL spares a second GetItem per row.
      projectionType: ProjectionType.ALL,
    });
  }
  return table;
}

/**
 * `actions` on the table's items only (its own ARN, none of its indexes), for a function that never
 * queries it. Table.grant would add `<table>/index/*` as well.
 */
export const grantItems = (table: Table, grantee: IGrantable, actions: readonly string[]) =>
  Grant.addToPrincipal({ grantee, actions: [...actions], resourceArns: [table.tableArn] });

/** `actions` on one index of the table, by name: a Query of an index is authorized on the index's ARN. */
export const grantIndex = (table: Table, indexName: string, grantee: IGrantable, actions: readonly string[]) =>
  Grant.addToPrincipal({ grantee, actions: [...actions], resourceArns: [`${table.tableArn}/index/${indexName}`] });
