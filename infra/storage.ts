import { RemovalPolicy } from "aws-cdk-lib";
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";
import { tableSchema } from "@fidelio/core/dynamo/table-schema";

export interface StorageProps {
  /** Production data must outlive a mistaken `sst remove` or a stack rename. */
  retain: boolean;
}

/** The single DynamoDB table; its keys come from core so infra and the local stack cannot drift. */
export class Storage extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);

    // No tableName: CloudFormation names it, so stages never collide and replacements succeed.
    this.table = new Table(this, "Table", {
      partitionKey: { name: tableSchema.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableSchema.sortKey, type: AttributeType.STRING },
      // Usage follows the school week; on-demand avoids paying for idle evenings and summers.
      billingMode: BillingMode.PAY_PER_REQUEST,
      // Student records are legal evidence: a bad write must be recoverable to the second.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableSchema.timeToLiveAttribute,
      // The outbox sender reads new outbox items from the stream (core's tableSchema names the view).
      stream: StreamViewType[tableSchema.stream],
      // AWS-managed KMS key: CloudTrail records each use of it, and there is no key policy of ours to get wrong.
      encryption: TableEncryption.AWS_MANAGED,
      // On production, deleting the table takes two deliberate steps (turn this off, then delete), and
      // removing the stack leaves the table behind.
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    for (const index of tableSchema.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        // Access patterns read whole items from the index; ALL spares a second GetItem per row.
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
