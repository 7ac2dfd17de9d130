import { resolve } from "node:path";
import { CfnOutput } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { Alarms } from "./alarms";
import { Api } from "./api";
import { Email } from "./email";
import { EmailFeedbackHandler } from "./email-feedback";
import { isFidelioFunction } from "./function";
import { RosterJob } from "./roster";
import { WeeklyReminders } from "./schedule";
import { authSecret, type AuthSecretSource } from "./secrets";
import { Storage } from "./storage";
import { Web } from "./web";
import { Workflow } from "./workflow";

const repoRoot = resolve(import.meta.dirname, "..");

export interface FidelioProps {
  stage: string;
  /** The domain email is sent from (an SES identity); mail comes from `Fidelio <no-reply@domain>`. */
  emailDomain: string;
  /** A custom origin for the app (`https://fidelio.district.org`), served by CloudFront with `certificateArn`; else the CloudFront domain. */
  appOrigin?: string;
  /** An ACM certificate in us-east-1 for appOrigin's host. */
  certificateArn?: string;
  /** AUTH_SECRET: an SST Config.Secret's SSM parameter (sst.config.ts), a value (tests), or absent: a NoEcho stack parameter (./secrets.ts). */
  authSecret?: AuthSecretSource;
  /** Who gets the alarms (an SNS email subscription). */
  alarmEmail?: string;
  /** The built web app; web/dist unless told. */
  siteDir?: string;
}

// Stages whose data is real; everything else is disposable and removed with its stack.
const productionStages = new Set(["prod", "production"]);

/**
 * Declares every Fidelio resource in `scope`. `sst.config.ts` calls it inside an SST stack and
 * the offline tests call it inside a plain `cdk.Stack`, because `sst build` needs AWS to run.
 */
export function mountFidelio(scope: Construct, props: FidelioProps) {
  const retain = productionStages.has(props.stage);
  const storage = new Storage(scope, "Storage", { retain });
  const { table, outbox } = storage;
  const secret = authSecret(scope, props.authSecret);
  const workflow = new Workflow(scope, "Workflow", { table, outbox, authSecret: secret });
  const emailFrom = `Fidelio <no-reply@${props.emailDomain}>`;
  const email = new Email(scope, "Email", { table, outbox, domain: props.emailDomain, emailFrom, authSecret: secret });
  const feedback = new EmailFeedbackHandler(scope, "EmailFeedback", { table, configurationSet: email.configurationSet });
  const rosterJob = new RosterJob(scope, "RosterJob", { table });
  const api = new Api(scope, "Api", { table, outbox, workflow, rosterJob, authSecret: secret, emailFrom });
  const domain = props.appOrigin && props.certificateArn ? { name: new URL(props.appOrigin).host, certificateArn: props.certificateArn } : undefined;
  const web = new Web(scope, "Web", { httpApi: api.httpApi, siteDir: props.siteDir ?? resolve(repoRoot, "web/dist"), retain, domain });
  const reminders = new WeeklyReminders(scope, "WeeklyReminders", { table, outbox, authSecret: secret, emailFrom });

  // Browser writes must come from the app's origin (APP_ORIGIN), and every link in an email starts with
  // its public URL (APP_URL): the one CloudFront serves. These are the functions that write emails.
  const appOrigin = props.appOrigin ?? web.origin;
  for (const fn of [api.fn, ...workflow.functions, reminders.fn]) {
    fn.addEnvironment("APP_ORIGIN", appOrigin);
    fn.addEnvironment("APP_URL", appOrigin);
  }

  const functions = scope.node.findAll().filter(isFidelioFunction);
  const alarms = new Alarms(scope, "Alarms", {
    email: props.alarmEmail,
    stateMachine: workflow.stateMachine,
    functions,
    failureQueues: { OutboxFailures: email.failures, FeedbackFailures: feedback.failures },
  });
  // What the deploy guide's next steps need: where the app is, and the table the setup script writes the first district to.
  new CfnOutput(scope, "AppUrl", { value: appOrigin });
  new CfnOutput(scope, "TableName", { value: table.tableName });
  // The emails and their delivery state, to look one up by hand (the setup script writes none).
  new CfnOutput(scope, "OutboxTableName", { value: outbox.tableName });
  new CfnOutput(scope, "AlarmTopic", { value: alarms.topic.topicArn });
  return { storage, workflow, email, feedback, rosterJob, api, web, reminders, alarms, appOrigin };
}
