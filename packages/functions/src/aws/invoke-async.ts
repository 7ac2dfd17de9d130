import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { fromEnv } from "@aws-sdk/credential-provider-env";

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData) =>
  typeof data === "string" ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** The signer's hash: node's crypto, HMAC when given a key. */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: SourceData) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

/** The SDK's SigV4 signer with node's crypto as its hash. */
export const newSigner = (options: Omit<ConstructorParameters<typeof SignatureV4>[0], "sha256">) => new SignatureV4({ ...options, sha256: Sha256 });

/**
 * Lambda's Invoke with InvocationType Event: one signed POST (SigV4 by the SDK's own signer). It stands
 * in for @aws-sdk/client-lambda, whose error registry and schemas would put the API bundle over its size
 * target (docs/benchmarks.md) for this one call. Resolves once Lambda has queued the event (202).
 */
export async function invokeAsync(functionName: string, payload: unknown, region: string) {
  const signer = newSigner({ service: "lambda", region, credentials: fromEnv() });
  const hostname = `lambda.${region}.amazonaws.com`;
  const path = `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`;
  const body = JSON.stringify(payload);
  const signed = await signer.sign({
    method: "POST",
    protocol: "https:",
    hostname,
    path,
    query: {},
    headers: { host: hostname, "content-type": "application/json", "x-amz-invocation-type": "Event" },
    body,
  });
  const response = await fetch(`https://${hostname}${path}`, { method: "POST", headers: signed.headers, body, signal: AbortSignal.timeout(5_000) });
  if (response.status !== 202) throw new Error(`Lambda Invoke answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}
