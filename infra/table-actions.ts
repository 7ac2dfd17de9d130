import { keys } from "@fidelio/core/dynamo";
import { tableSchema } from "@fidelio/core/dynamo/table-schema";

/**
 * What each function may do to each table, by what its code sends: the one list, which
 * test/infra/functions.test.ts checks every role against, table by table. TransactWriteItems is
 * authorized per item, as PutItem, UpdateItem, DeleteItem and ConditionCheckItem, on the table the
 * item is in: an outbox email in the same transaction as its cause needs PutItem on the outbox table.
 * The actions below are granted on a table's own ARN (its items); an index's ARN gets Query alone, and
 * only for a function that queries that index. Nothing scans, and only the local stack creates or
 * describes tables.
 */

// ---- The records table (TABLE_NAME) ----

/** The API and the roster job: every read and conditional write of the records, batches included. */
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
 * The records' one index (gsi1), by name: the API, the roster job (its open jobs) and the weekly
 * reminders (a district's students) query it; no other function does, so no other function may.
 */
export const recordsIndex = { name: tableSchema.indexes[0].name, actions: ["dynamodb:Query"] } as const;

/**
 * The escalation steps that commit a concern (prepare-level, apply-outcome, record-failure): reads (the
 * concern and student partitions, people by BatchGetItem) and conditional writes (closing a concern
 * deletes its open-concern marker). They query partitions, never the index.
 */
export const stepTableActions = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:ConditionCheckItem",
];

/** wait-for-answer stores its task token on the concern with one conditional update, and does nothing else to the table. */
export const waitTableActions = ["dynamodb:UpdateItem"];

/** Weekly reminders: districts and students read, then per person one transaction of puts (the once-per-week marker, audit entries). */
export const reminderTableActions = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem"];

/** The bounce and complaint handler reads the address's claim and flags its user with one conditional update. */
export const feedbackTableActions = ["dynamodb:GetItem", "dynamodb:UpdateItem"];

/**
 * The outbox sender and sweep, only for an email given up on: it reads the concern and the email's
 * record, then one transaction updates both and puts the timeline event. No Query, so no index.
 */
export const senderTableActions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];

// ---- The outbox table (OUTBOX_TABLE_NAME): on its items' ARN unless an index is named ----

/** Sign-in (the code's email, or an unknown address's decoy), concern recaps and reminders put their email in the transaction of its cause. */
export const outboxWriterActions = ["dynamodb:PutItem"];

/** The API also reads a concern packet's email statuses (BatchGetItem by outbox id). */
export const apiOutboxActions = [...outboxWriterActions, "dynamodb:BatchGetItem"];

/** A delivery round claims, settles or reschedules its item by conditional update; the stream or the sweep brings the item. */
export const senderOutboxActions = ["dynamodb:UpdateItem"];

/** The sweep finds the open items on this index (gsi1pk OUTBOX#OPEN), and only there. */
export const sweepOutboxIndex = { name: keys.outboxOpenAll().index, actions: ["dynamodb:Query"] };

/** The escalation steps that commit a concern with recap emails (assigning, closing, alerting the district admins); wait-for-answer only stores its task token. */
export const emailingSteps = ["prepare-level", "apply-outcome", "record-failure"] as const;
