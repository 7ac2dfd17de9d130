import { loadAuthSecret } from "../aws/auth-secret";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { fromImage } from "@fidelio/core/dynamo";
import { OutboxSender } from "@fidelio/core/outbox/sender";

// On AWS, the SST Config.Secret is read once per cold start, before any request (aws/auth-secret.ts).
await loadAuthSecret();

/**
 * The outbox sender: DynamoDB Streams invoke it on AWS, and the local poller feeds it DynamoDB Local's
 * stream. Each record is one delivery round (core/outbox/sender); records are independent emails, so they run
 * side by side. A record that failed for an unexpected reason is reported back, so the event source
 * retries it and, past its retry limit, hands it to the on-failure destination.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const results = await Promise.allSettled(
    event.Records.map(async (record) => {
      const image = record.dynamodb?.NewImage;
      if (image) await OutboxSender.deliver(fromImage(image));
    }),
  );
  const batchItemFailures = event.Records.flatMap((record, i) => {
    const result = results[i]!;
    if (result.status === "fulfilled") return [];
    const reason = result.reason instanceof Error ? `${result.reason.name}: ${result.reason.message}` : String(result.reason);
    console.error(JSON.stringify({ level: "error", handler: "outbox-sender", eventID: record.eventID, reason }));
    return [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? "" }];
  });
  return { batchItemFailures };
}

/** On a schedule (and at local start): runs one round for outbox items whose stream round was lost. */
export const sweep = async (options: { graceMs?: number } = {}) => ({ swept: await OutboxSender.sweep(options) });
