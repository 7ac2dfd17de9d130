import { BatchGetItemCommand, DynamoDBClient, type BatchGetItemCommandInput } from "@aws-sdk/client-dynamodb";
import { handle } from "hono/aws-lambda";
import { Hono } from "hono/tiny";

/**
 * The cold-start proxy's floor: what the fixed stack costs before any Fidelio code runs. Hono on
 * hono/aws-lambda answers `GET /api/me` with the one BatchGetItem the API makes for it (the session,
 * user and district items, strongly consistent, given by the bench in FLOOR_READ), through
 * @aws-sdk/client-dynamodb configured from the environment as the API's client is. No Fidelio module
 * is imported, so the API's time beyond this row is Fidelio's own.
 */
const client = new DynamoDBClient({ endpoint: process.env.DYNAMO_ENDPOINT });
// Configured as the API's client is (core/src/dynamo/client.ts): no logger middleware.
client.middlewareStack.remove("loggerMiddleware");
const read = JSON.parse(process.env.FLOOR_READ ?? "{}") as BatchGetItemCommandInput["RequestItems"];

const app = new Hono().get("/api/me", async (c) => {
  const out = await client.send(new BatchGetItemCommand({ RequestItems: read }));
  return c.json({ items: Object.values(out.Responses ?? {}).flat().length });
});

export const handler = handle(app);
