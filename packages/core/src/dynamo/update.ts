import { DeleteItemCommand, UpdateItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { dynamo, fromImage, tableOf, toItem, type Item } from "./client";

export interface Expression {
  /** A condition the stored item must meet, else DynamoDB refuses the write (see `isConditionFailure`). */
  condition?: string;
  names?: Record<string, string>;
  values?: Item;
}

/** One conditional UpdateItem; answers the item as it is after the update (raw: parse it with its item type). */
export async function updateItem(
  key: { pk: string; sk: string },
  update: string,
  expression: Expression & { /** A refused write's error carries the stored item (see `refusedItem`). */ oldOnRefusal?: boolean } = {},
): Promise<Item> {
  const out = await dynamo().send(
    new UpdateItemCommand({
      TableName: tableOf(key.pk),
      Key: toItem(key),
      UpdateExpression: update,
      ConditionExpression: expression.condition,
      ExpressionAttributeNames: expression.names,
      ExpressionAttributeValues: expression.values ? toItem(expression.values) : undefined,
      ReturnValues: "ALL_NEW",
      ReturnValuesOnConditionCheckFailure: expression.oldOnRefusal ? "ALL_OLD" : undefined,
    }),
  );
  return fromImage(out.Attributes ?? {});
}

/** The stored item a refused `updateItem(..., { oldOnRefusal: true })` saw; undefined when there was none. */
export function refusedItem(error: unknown): Item | undefined {
  const image = (error as { Item?: Record<string, AttributeValue> } | undefined)?.Item;
  return image ? fromImage(image) : undefined;
}

/** One DeleteItem, conditional when `expression.condition` is given. */
export async function deleteItem(key: { pk: string; sk: string }, expression: Expression = {}): Promise<void> {
  await dynamo().send(
    new DeleteItemCommand({
      TableName: tableOf(key.pk),
      Key: toItem(key),
      ConditionExpression: expression.condition,
      ExpressionAttributeNames: expression.names,
      ExpressionAttributeValues: expression.values ? toItem(expression.values) : undefined,
    }),
  );
}
