import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from "@aws-sdk/client-dynamodb-streams";
import { Config } from "../config";

/**
 * Reading the table's stream, for the local poller that stands in for Lambda's event source mapping
 * (on AWS the event source mapping reads it). The records come in the shape Lambda hands a handler,
 * minus the event source fields the caller adds.
 */
export interface StreamShard {
  id: string;
  /** The shard has an ending sequence number: it takes no new records. */
  closed: boolean;
}

export interface StreamRecord {
  eventID?: string;
  eventName?: "INSERT" | "MODIFY" | "REMOVE";
  eventVersion?: string;
  awsRegion?: string;
  dynamodb: {
    Keys?: Record<string, unknown>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
    SequenceNumber?: string;
    SizeBytes?: number;
    StreamViewType?: string;
    /** Epoch seconds, as Lambda gives it. */
    ApproximateCreationDateTime?: number;
  };
}

let client: DynamoDBStreamsClient | undefined;
const streams = () => {
  const endpoint = Config.dynamoEndpoint();
  client ??= new DynamoDBStreamsClient({ ...(endpoint ? { endpoint } : {}), region: Config.region() });
  return client;
};

export async function streamShards(streamArn: string): Promise<StreamShard[]> {
  const shards: StreamShard[] = [];
  let start: string | undefined;
  do {
    const out = await streams().send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
    for (const shard of out.StreamDescription?.Shards ?? []) {
      shards.push({ id: shard.ShardId!, closed: shard.SequenceNumberRange?.EndingSequenceNumber !== undefined });
    }
    start = out.StreamDescription?.LastEvaluatedShardId;
  } while (start);
  return shards;
}

export async function shardIterator(
  streamArn: string,
  shardId: string,
  type: "LATEST" | "TRIM_HORIZON" | "AFTER_SEQUENCE_NUMBER",
  sequence?: string,
): Promise<string | undefined> {
  const out = await streams().send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequence }));
  return out.ShardIterator;
}

/**
 * One GetRecords. `expired` when the iterator outlived its 15 minutes, or points before the oldest record
 * still kept (DynamoDB Local says so of a LATEST iterator taken on a shard that had no record yet): ask for
 * a new one. No `next` when the shard is closed and read to its end.
 */
export async function readShard(iterator: string, limit = 100): Promise<{ records: StreamRecord[]; next?: string } | { expired: true }> {
  try {
    const out = await streams().send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
    const records = (out.Records ?? []).map((record): StreamRecord => {
      const { ApproximateCreationDateTime, ...dynamodb } = record.dynamodb ?? {};
      return {
        eventID: record.eventID,
        eventName: record.eventName,
        eventVersion: record.eventVersion,
        awsRegion: record.awsRegion,
        dynamodb: { ...dynamodb, ApproximateCreationDateTime: ApproximateCreationDateTime ? ApproximateCreationDateTime.getTime() / 1000 : undefined },
      };
    });
    return { records, next: out.NextShardIterator };
  } catch (error) {
    if (error instanceof Error && (error.name === "ExpiredIteratorException" || error.name === "TrimmedDataAccessException")) return { expired: true };
    throw error;
  }
}
