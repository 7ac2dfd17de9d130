import { Duration, Stack } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import { EventBus, Rule, RuleTargetInput, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity, SuppressionReasons } from "aws-cdk-lib/aws-ses";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { outboxStreamFilter } from "@fidelio/core/outbox";
import { senderBundleOptions } from "@fidelio/functions/outbox/bundle-options";
import { nodeFunction } from "./function";
import type { AuthSecret } from "./secrets";
import { grantIndex, grantItems } from "./storage";
import { senderOutboxActions, senderTableActions, sweepOutboxIndex } from "./table-actions";

export interface EmailProps {
  /** The records: an email given up on is recorded on its concern's timeline. */
  table: Table;
  /** The outbox: its stream invokes the sender; the sweep queries its open items. */
  outbox: Table;
  /** The domain mail comes from; SES verifies it through the DKIM records it asks for. */
  domain: string;
  emailFrom: string;
  /** From infra/secrets.ts (the AUTH_SECRET seam): the sender unseals outbox messages with it. */
  authSecret: AuthSecret;
}

/** Stream retries past the handler's own rounds: a record that still fails goes to the failure queue. */
export const streamRetryAttempts = 3;

/** SES sending and the outbox sender (packages/functions/src/outbox/sender.ts) on the outbox table's stream. */
export class Email extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    // SES itself stops mailing addresses that bounced or complained, before any handler of ours exists.
    this.configurationSet = new ConfigurationSet(this, "ConfigurationSet", {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // The events reach the default EventBridge bus, where infra/email-feedback.ts flags the address on its user.
    this.configurationSet.addEventDestination("Feedback", {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, "DefaultBus", "default")),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    // The identity's default configuration set applies to every send, so the sender names none.
    this.identity = new EmailIdentity(this, "Identity", { identity: Identity.domain(props.domain), configurationSet: this.configurationSet });

    const environment = {
      TABLE_NAME: props.table.tableName,
      OUTBOX_TABLE_NAME: props.outbox.tableName,
      EMAIL_FROM: props.emailFrom,
      ...props.authSecret.environment,
    };
    // A round may wait out its backoff (up to 15 s) and then SES (two tries of up to 10 s).
    const sender = nodeFunction(this, "Sender", {
      bundle: senderBundleOptions,
      timeout: Duration.seconds(90),
      environment,
      description: "Fidelio outbox sender",
    });
    const sweeper = nodeFunction(this, "Sweep", {
      bundle: senderBundleOptions,
      handler: "sweep",
      timeout: Duration.minutes(2),
      environment,
      description: "Fidelio outbox sweep",
    });
    const sendEmail = new PolicyStatement({
      actions: ["ses:SendEmail"],
      resources: [
        this.identity.emailIdentityArn,
        Stack.of(this).formatArn({ service: "ses", resource: "configuration-set", resourceName: this.configurationSet.configurationSetName }),
      ],
    });
    for (const fn of [sender, sweeper]) {
      // Neither queries the records, so neither gets their indexes.
      grantItems(props.table, fn, senderTableActions);
      grantItems(props.outbox, fn, senderOutboxActions);
      fn.addToRolePolicy(sendEmail);
      props.authSecret.grantRead(fn);
    }
    // Only the sweep looks for open items; the sender is handed its items by the stream.
    grantIndex(props.outbox, sweepOutboxIndex.name, sweeper, sweepOutboxIndex.actions);

    // Holds what the stream could not deliver (the record's shard and sequence numbers; the item stays in the outbox table,
    // where the sweep retries it for its 24 hours). SES being down never lands here: the sender settles those rounds itself.
    // How an operator redrives it: docs/operations.md.
    this.failures = new Queue(this, "Failures", { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    sender.addEventSource(
      // The outbox table's stream carries outbox writes only; the filter leaves out all but pending emails.
      new DynamoEventSource(props.outbox, {
        startingPosition: StartingPosition.LATEST,
        filters: [FilterCriteria.filter(outboxStreamFilter)],
        batchSize: 10,
        // A backoff wait in one batch does not hold back the next emails of the shard.
        parallelizationFactor: 4,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: streamRetryAttempts,
        // Older than this, the sweep has had many chances; the record goes to the failure queue.
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(this.failures),
      }),
    );
    // Runs rounds whose backoff outgrew the stream's inline wait (up to 10 minutes, for 24 hours: core/outbox/retry-policy.ts)
    // and re-drives rounds the stream lost (a record past its retries, a crash mid-send).
    new Rule(this, "SweepSchedule", {
      schedule: Schedule.rate(Duration.minutes(5)),
      targets: [new LambdaFunction(sweeper, { event: RuleTargetInput.fromObject({}) })],
    });
  }
}
