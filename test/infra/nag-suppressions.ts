import type { Stack } from "aws-cdk-lib";
import { NagSuppressions } from "cdk-nag";
import type { IConstruct } from "constructs";
import type { mountFidelio } from "../../infra/index";

type Fidelio = ReturnType<typeof mountFidelio>;
const lambdaBasic = "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
const suppress = (construct: IConstruct, id: string, reason: string, appliesTo?: Array<string | { regex: string }>) =>
  NagSuppressions.addResourceSuppressions(construct, [{ id, reason, ...(appliesTo && { appliesTo }) }], true);

/**
 * Every AwsSolutions finding left after the design was reviewed, one rule and one resource at a
 * time, each with why it stays. A new resource or a new finding fails test/infra/nag.test.ts.
 */
export function suppressReviewedFindings(stack: Stack, fidelio: Fidelio, functions: IConstruct[]) {
  for (const fn of functions) {
    suppress(
      fn,
      "AwsSolutions-L1",
      "Node.js 22 is the runtime the project pins and tests on (the local stack runs node@22); moving to 24 is a deliberate upgrade, not a drift.",
    );
    suppress(fn, "AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch log streams.", [lambdaBasic]);
  }
  // No table grant has a wildcard to explain: every function is granted a table's items by its ARN and an
  // index by its name (infra/table-actions.ts), so an `index/*` would be a finding.
  suppress(fidelio.api.fn, "AwsSolutions-IAM5", "grantInvoke covers the roster job's versions and aliases (<arn>:*); it is still that one function.", [
    { regex: "/^Resource::<RosterJobFunction[0-9A-F]+\\.Arn>:\\*$/g" },
  ]);
  suppress(
    fidelio.api.httpApi,
    "AwsSolutions-APIG4",
    "The Hono app authorizes every route itself (session token by cookie or Bearer, relationship checks in core); sign-in routes must be open.",
  );
  const sender = fidelio.email.node.findChild("Sender");
  suppress(
    sender,
    "AwsSolutions-IAM5",
    "dynamodb:ListStreams cannot be scoped to a resource; the event source mapping needs it to find the outbox table's stream.",
    ["Resource::*"],
  );
  suppress(
    fidelio.email.failures,
    "AwsSolutions-SQS3",
    "This queue is itself the stream mapping's on-failure destination: it holds what could not be delivered; an alarm watches its depth.",
  );
  suppress(fidelio.feedback.failures, "AwsSolutions-SQS3", "This queue is itself the EventBridge target's dead-letter queue; an alarm watches its depth.");

  const machine = fidelio.workflow.stateMachine;
  suppress(
    machine,
    "AwsSolutions-SF1",
    "Logging ALL would copy execution data (concerns name students) into CloudWatch; ERROR without execution data keeps FERPA data out of logs, and every step is on the concern's own timeline.",
  );
  suppress(machine, "AwsSolutions-IAM5", "lambda:InvokeFunction on each step function's versions (<arn>:*), as LambdaInvoke grants it.", [
    { regex: "/^Resource::<Workflow[a-z]+[0-9A-F]+\\.Arn>:\\*$/g" },
  ]);
  suppress(machine, "AwsSolutions-IAM5", "X-Ray's PutTraceSegments/PutTelemetryRecords and CloudWatch Logs' log-delivery actions take no resource ARN.", [
    "Resource::*",
  ]);
  const wait = fidelio.workflow.node.findChild("wait-for-answer");
  suppress(
    wait,
    "AwsSolutions-IAM5",
    "SendTaskSuccess on this stack's state machines: naming the machine itself would make it and its own task function depend on each other (a cycle).",
    [{ regex: "/^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:\\*$/g" }],
  );

  const distribution = fidelio.web.distribution;
  suppress(
    distribution,
    "AwsSolutions-CFR1",
    "A district's families and staff travel and move; blocking countries would lock them out of their child's records.",
  );
  suppress(
    distribution,
    "AwsSolutions-CFR2",
    "No WAF by default (about $6/month and up): the API rate-limits sign-in per address and overall in DynamoDB and the HTTP API throttles the stage; a district can attach a web ACL.",
  );
  suppress(
    distribution,
    "AwsSolutions-CFR3",
    "The API's access logs (HTTP API stage, keyed by request id) record every request that reaches data; the static files are the same for everyone.",
  );
  suppress(
    distribution,
    "AwsSolutions-CFR4",
    "On the default *.cloudfront.net certificate CloudFront fixes the TLS policy; with a custom domain (certificateArn) the minimum is TLSv1.2_2021.",
  );
  suppress(
    fidelio.web.node.findChild("Site"),
    "AwsSolutions-S1",
    "The site bucket holds only the public build of web/; only CloudFront reads it, and the deployment replaces it whole.",
  );

  // The role EventBridge Scheduler assumes to run the weekly reminders (aws-scheduler-targets makes one per target).
  for (const role of stack.node.children.filter((c) => c.node.id.startsWith("SchedulerRoleForTarget-"))) {
    suppress(
      role,
      "AwsSolutions-IAM5",
      "lambda:InvokeFunction on the reminders function's versions (<arn>:*), as the scheduler target grants it; still that one function.",
      [{ regex: "/^Resource::<WeeklyRemindersFunction[0-9A-F]+\\.Arn>:\\*$/g" }],
    );
  }
  // CDK's own helpers: the site upload (BucketDeployment) and the site bucket's emptier on disposable stages.
  for (const helper of stack.node.children.filter((c) => /^Custom::(CDKBucketDeployment|S3AutoDeleteObjects)/.test(c.node.id))) {
    suppress(helper, "AwsSolutions-L1", "A CDK-provided helper function whose runtime aws-cdk-lib chooses and updates.");
    suppress(helper, "AwsSolutions-IAM4", "CDK's site-upload helper logs with AWSLambdaBasicExecutionRole.", [lambdaBasic]);
    suppress(
      helper,
      "AwsSolutions-IAM5",
      "CDK's site-upload helper copies the build from the CDK asset bucket into the site bucket (s3:GetObject*/List*/DeleteObject*/Abort* on those two buckets) and invalidates the distribution (cloudfront:CreateInvalidation, which takes no resource).",
      [
        "Action::s3:Abort*",
        "Action::s3:DeleteObject*",
        "Action::s3:GetBucket*",
        "Action::s3:GetObject*",
        "Action::s3:List*",
        "Resource::*",
        { regex: "/^Resource::<WebSite[0-9A-F]+\\.Arn>\\/\\*$/g" },
        { regex: "/^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-<AWS::Region>\\/\\*$/g" },
      ],
    );
  }
}
