import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { outboxStreamArn } from "@fidelio/core/dynamo/create-table";
import { readShard as readRecords, shardIterator, streamShards, type StreamRecord } from "@fidelio/core/dynamo/streams";
import { handler, sweep } from "@fidelio/functions/outbox/sender";

/**
 * Stands in for Lambda's DynamoDB Streams event source: reads every shard of DynamoDB Local's stream
 * and feeds the records, in batches, to the same handler the Lambda runs, one batch per shard at a time.
 *
 * Nothing is lost across a restart without remembering positions: shards open at start are read from
 * LATEST and, right after, the sweep runs a round for every outbox item still open in the table
 * (written while no poller ran). Shards that appear later are read from TRIM_HORIZON. The sweep runs
 * again every 30 s for rounds lost to a crash.
 */
const IDLE_MS = 100;
const DESCRIBE_EVERY_MS = 5_000;
const SWEEP_EVERY_MS = 30_000;

interface ShardCursor {
  iterator?: string;
  lastSequence?: string;
  closed: boolean;
}

/** Polls the outbox table's stream (Config.outboxTableName(), where the handler settles items). */
export async function startOutboxPoller() {
  const streamArn = await outboxStreamArn();
  const cursors = new Map<string, ShardCursor>();
  let stopped = false;

  const describe = async (startType: "LATEST" | "TRIM_HORIZON") => {
    for (const shard of await streamShards(streamArn)) {
      if (cursors.has(shard.id)) continue;
      // A shard already closed at start holds only records from before; the sweep covers those.
      const closedBefore = startType === "LATEST" && shard.closed;
      const cursor: ShardCursor = { closed: closedBefore };
      if (!closedBefore) cursor.iterator = await shardIterator(streamArn, shard.id, startType);
      cursors.set(shard.id, cursor);
    }
  };

  await describe("LATEST");
  // Whatever was written while no poller ran is due now: no stream reader was there to take it.
  await sweep({ graceMs: 0 });

  const loop = (async () => {
    let describedAt = Date.now();
    let sweptAt = Date.now();
    let failures = 0;
    while (!stopped) {
      try {
        if (Date.now() - describedAt > DESCRIBE_EVERY_MS) await describe("TRIM_HORIZON"), (describedAt = Date.now());
        if (Date.now() - sweptAt > SWEEP_EVERY_MS) await sweep({}), (sweptAt = Date.now());
        let busy = false;
        for (const [shardId, cursor] of cursors) {
          if (cursor.closed || stopped) continue;
          busy = (await readShard(streamArn, shardId, cursor)) || busy;
        }
        failures = 0;
        if (!busy) await sleep(IDLE_MS);
      } catch (error) {
        // DynamoDB Local restarting or stopping: report once, then keep trying at a calm pace.
        if (failures++ === 0 && !stopped) console.error(`Outbox poller: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(Math.min(5_000, 250 * failures));
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      // A batch may be waiting out a retry backoff; do not hold a shutdown for it.
      await Promise.race([loop, sleep(2_000)]);
    },
  };
}

/** One GetRecords on a shard, handed to the handler; true when it returned records. */
async function readShard(streamArn: string, shardId: string, cursor: ShardCursor) {
  if (!cursor.iterator) {
    const after = cursor.lastSequence;
    cursor.iterator = await shardIterator(streamArn, shardId, after ? "AFTER_SEQUENCE_NUMBER" : "TRIM_HORIZON", after);
    if (!cursor.iterator) return ((cursor.closed = true), false);
  }
  const out = await readRecords(cursor.iterator, 100);
  if ("expired" in out) return ((cursor.iterator = undefined), true);
  const { records } = out;
  if (records.length > 0) {
    await feed(streamArn, records);
    cursor.lastSequence = records.at(-1)!.dynamodb.SequenceNumber;
  }
  cursor.iterator = out.next;
  if (!cursor.iterator) cursor.closed = true;
  return records.length > 0;
}

/**
 * Lambda retries a batch's failed records; here they get two more tries a second apart, and whatever
 * still fails is left to the sweep (the item stays open in the table).
 */
async function feed(streamArn: string, records: StreamRecord[]) {
  let pending = records.map(
    (record): DynamoDBRecord => ({
      ...record,
      eventSource: "aws:dynamodb",
      eventSourceARN: streamArn,
      // Attribute values as DynamoDB sends them; aws-lambda types them with its own AttributeValue.
      dynamodb: record.dynamodb as DynamoDBRecord["dynamodb"],
    }),
  );
  for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) {
    if (attempt > 0) await sleep(1_000);
    const event: DynamoDBStreamEvent = { Records: pending };
    const { batchItemFailures } = await handler(event);
    const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
    pending = pending.filter((record) => failed.has(record.dynamodb?.SequenceNumber ?? ""));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
