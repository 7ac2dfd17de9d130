import { Duration, Fn, RemovalPolicy } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import * as cf from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { contentSecurityPolicy, spaFallback } from "./web-policy";

export interface WebProps {
  httpApi: HttpApi;
  /** The built Solid app (`npm run build:web` writes web/dist). */
  siteDir: string;
  retain: boolean;
  /** A custom domain (its ACM certificate in us-east-1); without one the app lives on the CloudFront domain. */
  domain?: { name: string; certificateArn: string };
}

/** The web app and the API on one origin: S3 (private, origin access control) for files, `/api/*` to the HTTP API. */
export class Web extends Construct {
  readonly distribution: cf.Distribution;
  /** What APP_ORIGIN is: the custom domain, else the distribution's own. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const bucket = new Bucket(this, "Site", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !props.retain,
    });
    // The same headers on every answer, the API's included: no third-party origin may run code, frame the app or be sent the referrer.
    const headers = new cf.ResponseHeadersPolicy(this, "Headers", {
      comment: "Fidelio security headers",
      securityHeadersBehavior: {
        // Not overriding: a response with its own, stricter policy keeps it (the evidence packet allows only its own inline style).
        contentSecurityPolicy: { contentSecurityPolicy, override: false },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: false, override: true },
        frameOptions: { frameOption: cf.HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: cf.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
    const site = S3BucketOrigin.withOriginAccessControl(bucket);
    const files = { origin: site, viewerProtocolPolicy: cf.ViewerProtocolPolicy.REDIRECT_TO_HTTPS, responseHeadersPolicy: headers, compress: true };
    const apiDomain = Fn.select(2, Fn.split("/", props.httpApi.apiEndpoint));

    this.distribution = new cf.Distribution(this, "Distribution", {
      comment: "Fidelio",
      defaultRootObject: "index.html",
      minimumProtocolVersion: cf.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cf.HttpVersion.HTTP2_AND_3,
      priceClass: cf.PriceClass.PRICE_CLASS_100,
      ...(props.domain && { domainNames: [props.domain.name], certificate: Certificate.fromCertificateArn(this, "Certificate", props.domain.certificateArn) }),
      defaultBehavior: {
        ...files,
        cachePolicy: cf.CachePolicy.CACHING_OPTIMIZED,
        // App routes (/students/…) are the shell; the viewer's URL stays. A function, not error pages: those would turn the API's 404s into the shell too.
        functionAssociations: [
          {
            eventType: cf.FunctionEventType.VIEWER_REQUEST,
            function: new cf.Function(this, "SpaFallback", { code: cf.FunctionCode.fromInline(spaFallback), runtime: cf.FunctionRuntime.JS_2_0 }),
          },
        ],
      },
      additionalBehaviors: {
        "/assets/*": { ...files, cachePolicy: cf.CachePolicy.CACHING_OPTIMIZED },
        // Never cached; every method; the viewer's cookies, Authorization, Origin, Idempotency-Key and query string pass
        // (AllViewerExceptHostHeader: API Gateway answers only to its own Host).
        "/api/*": {
          origin: new HttpOrigin(apiDomain, { protocolPolicy: cf.OriginProtocolPolicy.HTTPS_ONLY, originSslProtocols: [cf.OriginSslPolicy.TLS_V1_2] }),
          viewerProtocolPolicy: cf.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cf.AllowedMethods.ALLOW_ALL,
          cachePolicy: cf.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cf.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    this.origin = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;

    // Hashed assets never change under their name: a year, immutable; old ones stay for pages still open (no prune).
    const assets = new BucketDeployment(this, "Assets", {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: bucket,
      include: ["assets/*"],
      exclude: ["*"],
      prune: false,
      cacheControl: [CacheControl.fromString("public, max-age=31536000, immutable")],
    });
    // Everything else (index.html, samples) is revalidated each time, so a deploy shows at once.
    const shell = new BucketDeployment(this, "Shell", {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: bucket,
      exclude: ["assets/*"],
      cacheControl: [CacheControl.fromString("no-cache")],
      distribution: this.distribution,
      distributionPaths: ["/*"],
    });
    // The shell must never name an asset that is not there yet.
    shell.node.addDependency(assets);
  }
}
