import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { apiThrottle } from "../../infra/api";
import { synth } from "../../infra/synth";
import { functionsOf } from "./template";

describe("the HTTP API", () => {
  const { template } = synth();
  const api = functionsOf(template).get("Fidelio API")!;

  it("sends every /api request, any method, to the API function (payload format 2.0)", () => {
    template.resourceCountIs("AWS::ApiGatewayV2::Api", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Api", { ProtocolType: "HTTP" });
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route"));
    expect(routes.map((route) => route.Properties.RouteKey)).toEqual(["ANY /api/{proxy+}"]);
    const integrations = template.findResources("AWS::ApiGatewayV2::Integration");
    const integrationId = JSON.stringify(routes[0]!.Properties.Target).match(/"Ref":"([^"]+)"/)![1]!;
    expect(integrations[integrationId]?.Properties).toMatchObject({ IntegrationType: "AWS_PROXY", PayloadFormatVersion: "2.0" });
    expect(JSON.stringify(integrations[integrationId]?.Properties.IntegrationUri)).toContain(api.logicalId);
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      FunctionName: { "Fn::GetAtt": [api.logicalId, "Arn"] },
      Principal: "apigateway.amazonaws.com",
    });
  });

  it("throttles the stage and logs each request with its request id", () => {
    template.resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: apiThrottle.rateLimit, ThrottlingBurstLimit: apiThrottle.burstLimit },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
    const stage = Object.values(template.findResources("AWS::ApiGatewayV2::Stage"))[0]!;
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: "$context.requestId", status: "$context.status", path: "$context.path" });
    expect(apiThrottle.rateLimit).toBeGreaterThan(0);
    expect(apiThrottle.burstLimit).toBeGreaterThanOrEqual(apiThrottle.rateLimit);
  });
});
