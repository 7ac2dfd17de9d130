import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { Config } from "@fidelio/core/config";

/** Exposure of the DynamoDB Local this run uses (the same start code as `npm start`). */
const endpoint = inject("dynamoEndpoint");
const tablesWith = async (credentials: { accessKeyId: string; secretAccessKey: string }) => {
  const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials });
  try {
    return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    client.destroy();
  }
};

describe("DynamoDB Local", () => {
  it("shows a client with other credentials no Fidelio table", async () => {
    expect(await tablesWith(inject("dynamoCredentials"))).toContain(Config.tableName());
    expect(await tablesWith({ accessKeyId: "local", secretAccessKey: "local" })).toEqual([]);
    expect(await tablesWith({ accessKeyId: "fakeMyKeyId", secretAccessKey: "fakeSecretAccessKey" })).toEqual([]);
  });

  it("refuses a preflight from another origin", async () => {
    const preflight = (origin: string) =>
      fetch(endpoint, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type,x-amz-target" },
      });
    const evil = await preflight("https://evil.example");
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    // Its own address is the one origin allowed, which shows the header is given when it should be.
    const own = await preflight(endpoint);
    expect(own.headers.get("access-control-allow-origin")).toBe(endpoint);
  });
});
