import { describe, expect, it } from "vitest";
import { synth } from "../../infra/synth";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { localApp, webDist } from "@fidelio/local/server";
import { contentSecurityPolicy, metaContentSecurityPolicy, spaFallback } from "../../infra/web-policy";

describe("the web app on CloudFront", () => {
  const { template } = synth();
  const distribution = Object.values(template.findResources("AWS::CloudFront::Distribution"))[0]!.Properties.DistributionConfig;
  const behavior = (pattern: string) => distribution.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === pattern);
  const originOf = (b: { TargetOriginId: string }) => distribution.Origins.find((o: { Id: string }) => o.Id === b.TargetOriginId);
  // AWS's managed policies, by id (CloudFront documents these ids).
  const cachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
  const cachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6";
  const allViewerExceptHost = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

  it("serves a private, encrypted bucket through origin access control only", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
    });
    template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: { OriginAccessControlOriginType: "s3", SigningBehavior: "always", SigningProtocol: "sigv4" },
    });
    const s3 = originOf(distribution.DefaultCacheBehavior);
    expect(s3.S3OriginConfig).toEqual({ OriginAccessIdentity: "" });
    expect(s3.OriginAccessControlId).toBeDefined();
    expect(distribution).toMatchObject({ DefaultRootObject: "index.html", HttpVersion: "http2and3" });
  });

  it("sends /api/* to the HTTP API on the same origin: never cached, every method, the viewer's headers, cookies and query (not Host)", () => {
    const api = behavior("/api/*");
    expect(api).toMatchObject({
      AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
      CachePolicyId: cachingDisabled,
      OriginRequestPolicyId: allViewerExceptHost,
      ViewerProtocolPolicy: "https-only",
    });
    const origin = originOf(api);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: "https-only", OriginSSLProtocols: ["TLSv1.2"] });
    const apiRef = Object.keys(template.findResources("AWS::ApiGatewayV2::Api"))[0]!;
    expect(JSON.stringify(origin.DomainName)).toContain(`"Fn::GetAtt":["${apiRef}","ApiEndpoint"]`);
  });

  it("caches hashed assets and sends app routes to the shell, never the API's answers", () => {
    expect(behavior("/assets/*")).toMatchObject({ CachePolicyId: cachingOptimized, Compress: true, ViewerProtocolPolicy: "redirect-to-https" });
    // No custom error pages: those would turn the API's 404s into the shell.
    expect(distribution.CustomErrorResponses).toBeUndefined();
    const fallback = new Function(`${spaFallback}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
    const uriFor = (uri: string) => fallback({ request: { uri } }).uri;
    expect(uriFor("/students/stu_1")).toBe("/index.html");
    expect(uriFor("/")).toBe("/index.html");
    expect(uriFor("/assets/index-abc123.js")).toBe("/assets/index-abc123.js");
    expect(uriFor("/assets/missing")).toBe("/assets/missing");
    expect(uriFor("/samples/fidelio-sample-oneroster-1.1.zip")).toBe("/samples/fidelio-sample-oneroster-1.1.zip");
    template.hasResourceProperties("AWS::CloudFront::Function", { FunctionConfig: { Runtime: "cloudfront-js-2.0" }, FunctionCode: spaFallback });
  });

  it("uploads assets with a year of immutable caching and everything else with no-cache, then invalidates", () => {
    const deployments = Object.values(template.findResources("Custom::CDKBucketDeployment")).map((r) => r.Properties);
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((d) => d.Include)!;
    const shell = deployments.find((d) => !d.Include)!;
    expect(assets).toMatchObject({
      Include: ["assets/*"],
      Exclude: ["*"],
      Prune: false,
      SystemMetadata: { "cache-control": "public, max-age=31536000, immutable" },
    });
    expect(shell).toMatchObject({ Exclude: ["assets/*"], SystemMetadata: { "cache-control": "no-cache" }, DistributionPaths: ["/*"] });
  });

  it("answers every path with the security headers: a CSP with no third-party origin, HSTS, no framing, nosniff, no referrer", () => {
    const policies = Object.values(template.findResources("AWS::CloudFront::ResponseHeadersPolicy"));
    expect(policies).toHaveLength(1);
    const headers = policies[0]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers).toEqual({
      // A response with its own policy keeps it (the evidence packet); every other gets this one.
      ContentSecurityPolicy: { ContentSecurityPolicy: contentSecurityPolicy, Override: false },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 730 * 86_400, IncludeSubdomains: true, Preload: false, Override: true },
      FrameOptions: { FrameOption: "DENY", Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: "no-referrer", Override: true },
    });
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*|'unsafe-/);
    const policyRef = Object.keys(template.findResources("AWS::CloudFront::ResponseHeadersPolicy"))[0]!;
    for (const b of [distribution.DefaultCacheBehavior, ...distribution.CacheBehaviors])
      expect(b.ResponseHeadersPolicyId, b.PathPattern ?? "default").toEqual({ Ref: policyRef });
  });

  it("is the one policy `npm start` sends and the built page carries (the page's copy without frame-ancestors, which a meta tag cannot set)", async () => {
    expect((await localApp().request("/")).headers.get("content-security-policy")).toBe(contentSecurityPolicy);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(readFileSync(resolve(webDist, "index.html"), "utf8"))?.[1];
    expect(meta?.replaceAll("&#39;", "'")).toBe(metaContentSecurityPolicy);
    expect(metaContentSecurityPolicy).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ""));
  });

  it("uses a custom domain when one is configured, and that origin is APP_ORIGIN", () => {
    const custom = synth({ appOrigin: "https://fidelio.district.example", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" });
    const config = Object.values(custom.template.findResources("AWS::CloudFront::Distribution"))[0]!.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(["fidelio.district.example"]);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc",
      MinimumProtocolVersion: "TLSv1.2_2021",
      SslSupportMethod: "sni-only",
    });
    expect(custom.resources.appOrigin).toBe("https://fidelio.district.example");
  });
});
