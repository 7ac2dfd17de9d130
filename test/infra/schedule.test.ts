import { describe, expect, it } from "vitest";
import { synth } from "../../infra/synth";
import { functionsOf, tableGrantsOf, tableIdsOf } from "./template";

describe("the weekly reminders schedule", () => {
  const synthesized = synth();
  const { template } = synthesized;
  const tables = tableIdsOf(synthesized);
  const reminders = functionsOf(template).get("Fidelio weekly reminders")!;

  it("runs the reminders every hour on Fridays (each district's own 3 pm is core's to judge), retried within the hour", () => {
    template.hasResourceProperties("AWS::Scheduler::Schedule", {
      ScheduleExpression: "cron(0 * ? * FRI *)",
      ScheduleExpressionTimezone: "America/Los_Angeles",
      State: "ENABLED",
      Target: { Arn: { "Fn::GetAtt": [reminders.logicalId, "Arn"] }, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 } },
    });
  });

  it("is a Node.js 22 arm64 function that reads and writes the records without Scan and puts its emails in the outbox, with the app's origin for links", () => {
    expect(reminders.properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], MemorySize: 512, Timeout: 300 });
    expect(Object.keys(reminders.properties.Environment.Variables).sort()).toEqual([
      "APP_ORIGIN",
      "APP_URL",
      "AUTH_SECRET",
      "EMAIL_FROM",
      "NODE_OPTIONS",
      "OUTBOX_TABLE_NAME",
      "TABLE_NAME",
    ]);
    const reads = ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"];
    // The marker and audit entries in the records, the email in the outbox, in one transaction per person.
    // A district's students come from gsi1, the one index it may query (and only query).
    expect(tableGrantsOf(reminders, tables)).toEqual({ records: reads, "records/index/gsi1": ["dynamodb:Query"], outbox: ["dynamodb:PutItem"] });
    expect(reminders.statements.filter((s) => ![s.Action].flat().every((a: string) => a.startsWith("dynamodb:")))).toEqual([]);
    // The scheduler's own role may invoke this function and nothing else.
    const role = Object.values(template.findResources("AWS::IAM::Policy")).find(
      (p) =>
        JSON.stringify(p.Properties.PolicyDocument).includes("lambda:InvokeFunction") &&
        JSON.stringify(p.Properties.PolicyDocument).includes(reminders.logicalId),
    )!;
    expect(role.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({ Action: "lambda:InvokeFunction", Resource: expect.arrayContaining([{ "Fn::GetAtt": [reminders.logicalId, "Arn"] }]) }),
    ]);
  });
});
