import { fromEnv } from "@aws-sdk/credential-provider-env";
import { newSigner } from "./invoke-async";

/**
 * On AWS, AUTH_SECRET is an SST `Config.Secret`: a SecureString in SSM Parameter Store that
 * `npx sst secrets set AUTH_SECRET …` writes, and whose name infra gives each function as
 * AUTH_SECRET_PARAMETER. Read once per cold start (one signed GetParameter; no SSM client in the
 * bundle) into AUTH_SECRET, which core's Config reads. Locally and in tests AUTH_SECRET is set and
 * nothing is fetched. A parameter that cannot be read stops the cold start: no request may run unkeyed.
 */
export async function loadAuthSecret(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const name = env.AUTH_SECRET_PARAMETER;
  if (!name || env.AUTH_SECRET) return;
  const region = env.AWS_REGION ?? "us-east-1";
  const hostname = `ssm.${region}.amazonaws.com`;
  const body = JSON.stringify({ Name: name, WithDecryption: true });
  const signed = await newSigner({ service: "ssm", region, credentials: fromEnv() }).sign({
    method: "POST",
    protocol: "https:",
    hostname,
    path: "/",
    query: {},
    headers: { host: hostname, "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.GetParameter" },
    body,
  });
  const response = await fetch(`https://${hostname}/`, { method: "POST", headers: signed.headers, body, signal: AbortSignal.timeout(5_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`SSM GetParameter ${name} answered ${response.status}: ${text.slice(0, 200)}`);
  const value = (JSON.parse(text) as { Parameter?: { Value?: string } }).Parameter?.Value;
  if (!value) throw new Error(`SSM parameter ${name} has no value: run npx sst secrets set AUTH_SECRET <value>`);
  env.AUTH_SECRET = value;
}
