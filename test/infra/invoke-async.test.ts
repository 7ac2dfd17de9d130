import { describe, expect, it } from "vitest";
import { newSigner } from "@fidelio/functions/aws/invoke-async";

/** The roster dispatcher signs its Lambda Invoke with the SDK's SigV4 signer and node's crypto as the hash. */
describe("the signer the roster dispatcher invokes Lambda with", () => {
  it("reproduces AWS's SigV4 test suite signature (get-vanilla)", async () => {
    const signer = newSigner({
      service: "service",
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
      applyChecksum: false,
    });
    const signed = await signer.sign(
      { method: "GET", protocol: "https:", hostname: "example.amazonaws.com", path: "/", query: {}, headers: { host: "example.amazonaws.com" } },
      { signingDate: new Date("2015-08-30T12:36:00Z") },
    );
    expect(signed.headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });
});
