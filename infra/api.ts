import { RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";
import { chunkedFunction } from "./function";
import type { RosterJob } from "./roster";
import type { AuthSecret } from "./secrets";
import { grantIndex, grantItems } from "./storage";
import { apiOutboxActions, appTableActions, recordsIndex } from "./table-actions";
import type { Workflow } from "./workflow";

export interface ApiProps {
  table: Table;
  /** Sign-in and concern recaps put their emails here; the concern packet reads their statuses. */
  outbox: Table;
  workflow: Workflow;
  rosterJob: RosterJob;
  /** From infra/secrets.ts (the AUTH_SECRET seam). */
  authSecret: AuthSecret;
  emailFrom: string;
}

/** Sustained requests per second and burst for the whole stage: a district's users, with room, and a ceiling on what a flood costs. */
export const apiThrottle = { rateLimit: 100, burstLimit: 200 };

/** The Hono app on Lambda behind an HTTP API: every `/api/*` request goes to the one function. */
export class Api extends Construct {
  readonly fn: LambdaFunction;
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    // The variables core's Config reads (packages/core/src/config); mountFidelio adds APP_ORIGIN once the web's origin is known.
    const environment: Record<string, string> = {
      TABLE_NAME: props.table.tableName,
      OUTBOX_TABLE_NAME: props.outbox.tableName,
      STATE_MACHINE_ARN: props.workflow.stateMachine.stateMachineArn,
      ROSTER_JOB_FUNCTION: props.rosterJob.fn.functionName,
      EMAIL_FROM: props.emailFrom,
      ...props.authSecret.environment,
    };
    // Split into chunks, each route area loaded on first use (packages/functions/src/api/areas.ts), so a cold start compiles less.
    this.fn = chunkedFunction(this, "Function", { bundle: apiBundleOptions, memory: 1024, environment, description: "Fidelio API" });
    grantItems(props.table, this.fn, appTableActions);
    grantIndex(props.table, recordsIndex.name, this.fn, recordsIndex.actions);
    grantItems(props.outbox, this.fn, apiOutboxActions);
    props.authSecret.grantRead(this.fn);
    props.workflow.grantEngine(this.fn);
    props.rosterJob.grantDispatch(this.fn);

    this.httpApi = new HttpApi(this, "Http", { createDefaultStage: false });
    this.httpApi.addRoutes({ path: "/api/{proxy+}", methods: [HttpMethod.ANY], integration: new HttpLambdaIntegration("Hono", this.fn) });

    const accessLogs = new LogGroup(this, "AccessLogs", { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    new HttpStage(this, "Stage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: apiThrottle,
      // The request id is the one the API's 500 answers and logs carry (hono's requestId reads it), so a report finds its line.
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            time: "$context.requestTime",
            method: "$context.httpMethod",
            path: "$context.path",
            status: "$context.status",
            latencyMs: "$context.responseLatency",
            integrationError: "$context.integrationErrorMessage",
            ip: "$context.identity.sourceIp",
          }),
        ),
      },
    });
  }
}
