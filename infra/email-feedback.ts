import { Duration } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { EventBus, Rule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import type { ConfigurationSet } from "aws-cdk-lib/aws-ses";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { emailEventsBundleOptions } from "@fidelio/functions/email-events/bundle-options";
import { nodeFunction } from "./function";
import { grantItems } from "./storage";
import { feedbackTableActions } from "./table-actions";

/** SES bounce and complaint events of Fidelio's configuration set, on the default bus, to the handler that flags the address. */
export class EmailFeedbackHandler extends Construct {
  readonly fn: NodejsFunction;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: { table: Table; configurationSet: ConfigurationSet }) {
    super(scope, id);
    this.fn = nodeFunction(this, "Function", {
      bundle: emailEventsBundleOptions,
      environment: { TABLE_NAME: props.table.tableName },
      description: "Fidelio email bounces and complaints",
    });
    grantItems(props.table, this.fn, feedbackTableActions);
    // Events EventBridge could not deliver after its retries: kept two weeks to replay by hand.
    this.failures = new Queue(this, "Failures", { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    new Rule(this, "Rule", {
      eventBus: EventBus.fromEventBusName(this, "DefaultBus", "default"),
      eventPattern: {
        source: ["aws.ses"],
        detailType: ["Email Bounced", "Email Complaint Received"],
        // Only this deployment's mail: another app in the account may publish its own SES events here.
        detail: { mail: { tags: { "ses:configuration-set": [props.configurationSet.configurationSetName] } } },
      },
      targets: [new LambdaFunction(this.fn, { retryAttempts: 8, maxEventAge: Duration.hours(24), deadLetterQueue: this.failures })],
    });
  }
}
