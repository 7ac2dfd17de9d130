import { DeleteItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { dynamo, fromItem, tableName, toItem, type Item } from "./client";

export interface Expression {
  /** A condition the stored item must meet, else DynamoDB refuses the write (see `isConditionFailure`). */
  condition?: string;
  names?: Record<string, string>;
  values?: Item;
}

/** One conditional UpdateItem; answers the item as it is after the update. */
export async function updateItem(key: { pk: string; sk: string }, update: string, expression: Expression = {}): Promise<Item> {
  const out = await dynamo().send(
    new UpdateItemCommand({
      TableName: tableName(),
      Key: toItem(key),
      UpdateExpression: update,
      ConditionExpression: expression.condition,
      ExpressionAttributeNames: expression.names,
      ExpressionAttributeValues: expression.values ? toItem(expression.values) : undefined,
      ReturnValues: "ALL_NEW",
    }),
  );
  return fromItem(out.Attributes ?? {});
}

/** One DeleteItem, conditional when `expression.condition` is given. */
export async function deleteItem(key: { pk: string; sk: string }, expression: Expression = {}): Promise<void> {
  await dynamo().send(
    new DeleteItemCommand({
      TableName: tableName(),
      Key: toItem(key),
      ConditionExpression: expression.condition,
      ExpressionAttributeNames: expression.names,
      ExpressionAttributeValues: expression.values ? toItem(expression.values) : undefined,
    }),
  );
}
