import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { Queue } from "aws-cdk-lib/aws-sqs";
import type { StateMachine } from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";

/** AWS reviews an account at a 5% bounce rate and 10% puts it at risk; at 0.1% complaints, the same. Act at review level. */
export const sesThresholds = { bounceRate: 0.05, complaintRate: 0.001 };

export interface AlarmsProps {
  /** Subscribed to the alarm topic (the subscriber confirms from the email AWS sends). */
  email?: string;
  stateMachine: StateMachine;
  functions: LambdaFunction[];
  /** Queues that hold what could not be delivered: any message in one is an alarm. */
  failureQueues: Record<string, Queue>;
}

/** What must reach an administrator: a concern whose workflow failed, a function failing or throttled, email that could not go, SES reputation. */
export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, "Topic", { displayName: "Fidelio alarms", enforceSSL: true });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    const action = new SnsAction(this.topic);
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      const created = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No data is no failures (a quiet night), never an alarm.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(action);
      return created;
    };

    const fiveMinutes = { period: Duration.minutes(5), statistic: "Sum" };
    alarm(
      "WorkflowFailed",
      props.stateMachine.metricFailed(fiveMinutes),
      1,
      "An escalation execution failed: its concern no longer moves by itself (see RecordFailure in its history).",
    );
    alarm("WorkflowTimedOut", props.stateMachine.metricTimedOut(fiveMinutes), 1, "An escalation execution timed out.");
    for (const fn of props.functions) {
      const name = fn.node.path.replace(/\W+/g, "");
      alarm(`${name}Errors`, fn.metricErrors(fiveMinutes), 1, `Errors in a Fidelio function (${fn.node.path}).`);
      alarm(
        `${name}Throttles`,
        fn.metricThrottles(fiveMinutes),
        1,
        `A Fidelio function was throttled (${fn.node.path}): requests or events waited or were refused.`,
      );
    }
    for (const [name, queue] of Object.entries(props.failureQueues)) {
      alarm(
        `${name}Depth`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" }),
        1,
        `Undelivered work waits in ${name}: read it, fix the cause, replay it.`,
      );
    }
    // Account-wide, as SES itself judges the account (Reputation metrics, enabled on the configuration set).
    const ses = (metricName: string) => new Metric({ namespace: "AWS/SES", metricName, period: Duration.hours(1), statistic: "Average" });
    alarm(
      "SesBounceRate",
      ses("Reputation.BounceRate"),
      sesThresholds.bounceRate,
      "SES bounce rate at 5% or more: AWS reviews the account at 5% and may pause sending at 10%.",
    );
    alarm("SesComplaintRate", ses("Reputation.ComplaintRate"), sesThresholds.complaintRate, "SES complaint rate at 0.1% or more: AWS may pause sending.");
  }
}
