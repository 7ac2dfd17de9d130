import { Duration, TimeZone } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { Schedule, ScheduleExpression } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import { Construct } from "constructs";
import { weeklyRemindersBundleOptions } from "@fidelio/functions/cron/bundle-options";
import { nodeFunction } from "./function";
import type { AuthSecret } from "./secrets";
import { grantIndex, grantItems } from "./storage";
import { outboxWriterActions, recordsIndex, reminderTableActions } from "./table-actions";

/**
 * Every hour on Fridays: sendReminders itself waits, per district, for 3 pm of the school week's last
 * day on the district's own clock (Hawaii to Maine), and sends once per person and week, so the extra runs send nothing.
 */
export const weeklyReminderCron = { weekDay: "FRI", hour: "*", minute: "0" } as const;

export interface WeeklyRemindersProps {
  table: Table;
  /** Each reminder's email goes here, in the transaction of its once-per-week marker. */
  outbox: Table;
  authSecret: AuthSecret;
  emailFrom: string;
  /** The wall clock whose Friday the schedule covers; core's default district time zone unless told. */
  timeZone?: TimeZone;
}

/** An EventBridge Scheduler schedule that runs the weekly fidelity-form reminders. */
export class WeeklyReminders extends Construct {
  readonly fn: NodejsFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: WeeklyRemindersProps) {
    super(scope, id);
    this.fn = nodeFunction(this, "Function", {
      bundle: weeklyRemindersBundleOptions,
      timeout: Duration.minutes(5),
      environment: {
        TABLE_NAME: props.table.tableName,
        OUTBOX_TABLE_NAME: props.outbox.tableName,
        ...props.authSecret.environment,
        EMAIL_FROM: props.emailFrom,
      },
      description: "Fidelio weekly reminders",
    });
    grantItems(props.table, this.fn, reminderTableActions);
    grantIndex(props.table, recordsIndex.name, this.fn, recordsIndex.actions);
    grantItems(props.outbox, this.fn, outboxWriterActions);
    props.authSecret.grantRead(this.fn);
    this.schedule = new Schedule(this, "Weekly", {
      description: "Fidelio: weekly fidelity-form reminders",
      schedule: ScheduleExpression.cron({ ...weeklyReminderCron, timeZone: props.timeZone ?? TimeZone.AMERICA_LOS_ANGELES }),
      // A run that failed is retried within the hour; the next hourly run covers it anyway.
      target: new LambdaInvoke(this.fn, { retryAttempts: 2, maxEventAge: Duration.hours(1) }),
    });
  }
}
