import { describe, expect, it } from "vitest";
import { outboxStreamFilter } from "@fidelio/core/outbox";
import { productionRetryPolicy } from "@fidelio/core/outbox/retry-policy";
import { streamRetryAttempts } from "../../infra/email";
import { synth } from "../../infra/synth";
import { functionsOf, tableGrantsOf, tableIdsOf } from "./template";

describe("email on AWS", () => {
  const synthesized = synth();
  const { template } = synthesized;
  const tables = tableIdsOf(synthesized);
  const functions = functionsOf(template);
  const sender = functions.get("Fidelio outbox sender")!;
  const sweep = functions.get("Fidelio outbox sweep")!;
  const ref = (type: string) => Object.keys(template.findResources(type))[0]!;

  it("invokes the sender on the outbox table's stream for pending outbox items only, bisecting and retrying a bounded number of times before the failure queue", () => {
    template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
    template.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      FunctionName: { Ref: sender.logicalId },
      EventSourceArn: { "Fn::GetAtt": [tables.outbox, "StreamArn"] },
      StartingPosition: "LATEST",
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(outboxStreamFilter) }] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: streamRetryAttempts,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [ref("AWS::SQS::Queue"), "Arn"] } } },
    });
    expect(streamRetryAttempts).toBeGreaterThan(0);
    expect(streamRetryAttempts).toBeLessThanOrEqual(10);
    expect(sender.properties.Timeout).toBeGreaterThanOrEqual(60);
    template.hasResourceProperties("AWS::SQS::Queue", { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
  });

  it("reads only the outbox table's stream, the records table having none", () => {
    const streamArns = JSON.stringify(template.findResources("AWS::Lambda::EventSourceMapping")).match(/"Fn::GetAtt":\["[^"]+","StreamArn"\]/g);
    expect(streamArns).toEqual([`"Fn::GetAtt":["${tables.outbox}","StreamArn"]`]);
    expect(tableGrantsOf(sender, tables)["outbox stream"]).toEqual(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"]);
    expect(JSON.stringify(sender.statements)).not.toContain(`"${tables.records}","StreamArn"`);
  });

  it("sweeps lost rounds every 5 minutes", () => {
    expect(sweep.properties.Handler).toBe("index.sweep");
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(5 minutes)",
      Targets: [{ Arn: { "Fn::GetAtt": [sweep.logicalId, "Arn"] }, Input: "{}" }],
    });
  });

  it("retries by production's policy, 24 hours, with the sweep due more often than the longest backoff", () => {
    for (const fn of [sender, sweep])
      expect(Object.keys(fn.properties.Environment.Variables).filter((name) => name.startsWith("OUTBOX_RETRY") || name.startsWith("OUTBOX_MAX"))).toEqual([]);
    expect(productionRetryPolicy.windowMs).toBeGreaterThanOrEqual(24 * 3_600_000);
    const rules = Object.values(template.findResources("AWS::Events::Rule")).filter((rule) => JSON.stringify(rule).includes(sweep.logicalId));
    const minutes = Number(/^rate\((\d+) minutes?\)$/.exec(rules[0]!.Properties.ScheduleExpression)?.[1]);
    expect(minutes * 60_000).toBeLessThanOrEqual(productionRetryPolicy.maxBackoffMs);
  });

  it("sends through one SES identity whose configuration set suppresses bounces and complaints and publishes them", () => {
    template.hasResourceProperties("AWS::SES::EmailIdentity", {
      EmailIdentity: "fidelio.example.org",
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: ref("AWS::SES::ConfigurationSet") } },
    });
    template.hasResourceProperties("AWS::SES::ConfigurationSet", { SuppressionOptions: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] } });
    template.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", {
      EventDestination: { Enabled: true, MatchingEventTypes: ["bounce", "complaint"] },
    });
  });

  it("lets the sender and the sweep send only as that identity, and the sender also carry AUTH_SECRET to unseal messages", () => {
    for (const fn of [sender, sweep]) {
      const ses = fn.statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith("ses:")));
      expect(ses).toHaveLength(1);
      expect(ses[0]!.Action).toBe("ses:SendEmail");
      const resources = JSON.stringify(ses[0]!.Resource);
      expect(resources).toContain(`:identity/",{"Ref":"${ref("AWS::SES::EmailIdentity")}"}`);
      expect(resources).toContain(`:configuration-set/",{"Ref":"${ref("AWS::SES::ConfigurationSet")}"}`);
      expect(resources).not.toContain('"*"');
      expect(fn.properties.Environment.Variables).toMatchObject({
        AUTH_SECRET: { Ref: "AuthSecret" },
        TABLE_NAME: { Ref: tables.records },
        OUTBOX_TABLE_NAME: { Ref: tables.outbox },
      });
    }
  });
});
