import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { dynamo, tableName, toItem } from "./client";

/**
 * A bare SDK call, no cursor and no parsing, for the benchmarks that set the API's figures beside
 * DynamoDB's own: one Query of a whole partition of the records table.
 */
export const rawPartitionQuery = (pk: string) =>
  dynamo().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: toItem({ ":pk": pk }) }));
