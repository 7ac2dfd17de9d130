/**
 * What each function may do to the table, by what its code sends (TransactWriteItems is authorized
 * per item, as PutItem, UpdateItem, DeleteItem and ConditionCheckItem). Nothing scans, and only the
 * local stack creates or describes tables.
 */
export const appTableActions = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
];

/**
 * The outbox sender claims and settles outbox items, and the sweep queries the open ones; an email it
 * gives up on is appended to its concern's timeline (a transaction putting the event).
 */
export const senderTableActions = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:PutItem"];
