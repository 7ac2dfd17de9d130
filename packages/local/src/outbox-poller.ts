import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
  type Shard,
} from "@aws-sdk/client-dynamodb-streams";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { Config } from "@fidelio/core/config";
import { tableStreamArn } from "@fidelio/core/dynamo/create-table";
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

/** Polls the configured table's stream (Config.tableName(), the table the handler writes to). */
export async function startOutboxPoller() {
  const endpoint = Config.dynamoEndpoint();
  const streams = new DynamoDBStreamsClient({ ...(endpoint ? { endpoint } : {}), region: Config.region() });
  const streamArn = await tableStreamArn();
  const cursors = new Map<string, ShardCursor>();
  let stopped = false;

  const describe = async (startType: "LATEST" | "TRIM_HORIZON") => {
    for (const shard of await listShards(streams, streamArn)) {
      if (cursors.has(shard.ShardId!)) continue;
      // A shard already closed at start holds only records from before; the sweep covers those.
      const closedBefore = startType === "LATEST" && shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
      const cursor: ShardCursor = { closed: closedBefore };
      if (!closedBefore) cursor.iterator = await iterator(streams, streamArn, shard.ShardId!, startType);
      cursors.set(shard.ShardId!, cursor);
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
        if (Date.now() - describedAt > DESCRIBE_EVERY_MS) (await describe("TRIM_HORIZON"), (describedAt = Date.now()));
        if (Date.now() - sweptAt > SWEEP_EVERY_MS) (await sweep({}), (sweptAt = Date.now()));
        let busy = false;
        for (const [shardId, cursor] of cursors) {
          if (cursor.closed || stopped) continue;
          busy = (await readShard(streams, streamArn, shardId, cursor)) || busy;
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
      streams.destroy();
    },
  };
}

/** One GetRecords on a shard, handed to the handler; true when it returned records. */
async function readShard(streams: DynamoDBStreamsClient, streamArn: string, shardId: string, cursor: ShardCursor) {
  if (!cursor.iterator) {
    const after = cursor.lastSequence;
    cursor.iterator = await iterator(streams, streamArn, shardId, after ? "AFTER_SEQUENCE_NUMBER" : "TRIM_HORIZON", after);
  }
  let out;
  try {
    out = await streams.send(new GetRecordsCommand({ ShardIterator: cursor.iterator, Limit: 100 }));
  } catch (error) {
    if (error instanceof Error && error.name === "ExpiredIteratorException") return (cursor.iterator = undefined), true;
    throw error;
  }
  const records = out.Records ?? [];
  if (records.length > 0) {
    await feed(streamArn, records);
    cursor.lastSequence = records.at(-1)!.dynamodb?.SequenceNumber;
  }
  cursor.iterator = out.NextShardIterator;
  if (!cursor.iterator) cursor.closed = true;
  return records.length > 0;
}

/**
 * Lambda retries a batch's failed records; here they get two more tries a second apart, and whatever
 * still fails is left to the sweep (the item stays open in the table).
 */
async function feed(streamArn: string, records: _Record[]) {
  let pending = records.map((record) => toLambdaRecord(streamArn, record));
  for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) {
    if (attempt > 0) await sleep(1_000);
    const event: DynamoDBStreamEvent = { Records: pending };
    const { batchItemFailures } = await handler(event);
    const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
    pending = pending.filter((record) => failed.has(record.dynamodb?.SequenceNumber ?? ""));
  }
}

function toLambdaRecord(streamArn: string, record: _Record): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...dynamodb } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: "aws:dynamodb",
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(dynamodb as NonNullable<DynamoDBRecord["dynamodb"]>),
      ApproximateCreationDateTime: ApproximateCreationDateTime ? ApproximateCreationDateTime.getTime() / 1000 : undefined,
    },
  };
}

async function listShards(streams: DynamoDBStreamsClient, streamArn: string): Promise<Shard[]> {
  const shards: Shard[] = [];
  let start: string | undefined;
  do {
    const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
    shards.push(...(out.StreamDescription?.Shards ?? []));
    start = out.StreamDescription?.LastEvaluatedShardId;
  } while (start);
  return shards;
}

async function iterator(streams: DynamoDBStreamsClient, streamArn: string, shardId: string, type: "LATEST" | "TRIM_HORIZON" | "AFTER_SEQUENCE_NUMBER", sequence?: string) {
  const out = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequence }));
  return out.ShardIterator;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
