import { describe, expect, it } from "vitest";
import { sesThresholds } from "../../infra/alarms";
import { synth } from "../../infra/synth";
import { functionsOf } from "./template";

describe("alarms", () => {
  const { template } = synth({ alarmEmail: "it@district.example" });
  const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")).map((a) => a.Properties);
  const topic = Object.keys(template.findResources("AWS::SNS::Topic"))[0]!;
  const withMetric = (namespace: string, metricName: string) => alarms.filter((a) => a.Namespace === namespace && a.MetricName === metricName);

  it("go to one SNS topic (TLS only) that the given address subscribes to", () => {
    template.resourceCountIs("AWS::SNS::Topic", 1);
    template.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: "it@district.example", TopicArn: { Ref: topic } });
    template.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: { Statement: [{ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }] },
    });
    for (const alarm of alarms) {
      expect(alarm.AlarmActions, alarm.AlarmDescription).toEqual([{ Ref: topic }]);
      expect(alarm.TreatMissingData).toBe("notBreaching");
    }
  });

  it("fire on a failed or timed-out escalation execution", () => {
    const machine = Object.keys(template.findResources("AWS::StepFunctions::StateMachine"))[0]!;
    for (const name of ["ExecutionsFailed", "ExecutionsTimedOut"]) {
      expect(withMetric("AWS/States", name), name).toEqual([
        expect.objectContaining({
          Threshold: 1,
          ComparisonOperator: "GreaterThanOrEqualToThreshold",
          Dimensions: [{ Name: "StateMachineArn", Value: { Ref: machine } }],
        }),
      ]);
    }
  });

  it("fire on errors and throttles of every Fidelio function", () => {
    const functions = functionsOf(template);
    for (const metric of ["Errors", "Throttles"]) {
      const watched = withMetric("AWS/Lambda", metric).map((a) => a.Dimensions[0].Value.Ref);
      expect(new Set(watched), metric).toEqual(new Set([...functions.values()].map((f) => f.logicalId)));
    }
  });

  it("fire when a failure queue holds anything: the outbox's stream failures and undelivered SES events", () => {
    const depth = withMetric("AWS/SQS", "ApproximateNumberOfMessagesVisible");
    const queues = Object.keys(template.findResources("AWS::SQS::Queue"));
    expect(depth.map((a) => a.Dimensions[0].Value["Fn::GetAtt"][0]).sort()).toEqual(queues.sort());
    for (const alarm of depth) expect(alarm).toMatchObject({ Threshold: 1, Statistic: "Maximum" });
  });

  it("fire at an SES bounce rate of 5% and a complaint rate of 0.1%", () => {
    expect(sesThresholds).toEqual({ bounceRate: 0.05, complaintRate: 0.001 });
    expect(withMetric("AWS/SES", "Reputation.BounceRate")).toEqual([
      expect.objectContaining({ Threshold: 0.05, ComparisonOperator: "GreaterThanOrEqualToThreshold", Period: 3600 }),
    ]);
    expect(withMetric("AWS/SES", "Reputation.ComplaintRate")).toEqual([
      expect.objectContaining({ Threshold: 0.001, ComparisonOperator: "GreaterThanOrEqualToThreshold", Period: 3600 }),
    ]);
    template.hasResourceProperties("AWS::SES::ConfigurationSet", { ReputationOptions: { ReputationMetricsEnabled: true } });
  });
});
