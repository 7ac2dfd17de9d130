import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { type AttributeValue, BatchWriteItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { inject, vi } from "vitest";
import { clock, districtToday } from "@fidelio/core/clock";
import { mapLimit } from "@fidelio/core/concurrency";
import { Config } from "@fidelio/core/config";
import { dynamo } from "@fidelio/core/dynamo";
import { demoDistrictId, demoSettings, seedDemoDistrict } from "@fidelio/local/demo/seed";

/**
 * The demo district in this file's table, as `seedDemoDistrict` writes it, without seeding it again in
 * every file: the first file of the run to seed on a given day (or pinned instant) seeds its own table
 * and keeps a copy of the items; the next files write that copy into their empty tables. A seed is about
 * 200 requests (1,800 items through the roster importer); the copy is 70 batch writes, about a fifth of
 * the CPU (docs/testing.md, "Where the time goes").
 *
 * The copy is what the seed would have written here: every file runs with the run's one AUTH_SECRET
 * (the seed hashes email addresses with it), the seed's ids are derived from its fixed roster files, and
 * the seeded weeks come from the same district day. On a pinned clock, a file whose clock is still
 * behind the moment the copied seed ended moves forward to it, as if it had just seeded (a seed took
 * seconds); on the machine's clock the seed is minutes old at most. A table that is not empty, a
 * district already seeded, or Date faked by vitest (the seed would follow another clock) seeds as before.
 */
export async function seedDemo(): Promise<{ districtId: string; created: boolean }> {
  if (vi.isFakeTimers() || !(await tableIsEmpty())) return seedDemoDistrict();
  const dir = join(inject("demoTemplateDir"), "tables");
  mkdirSync(dir, { recursive: true });
  const key = clock.pinned() ? `pinned at ${process.env.FIDELIO_NOW}` : `machine clock on ${districtToday(demoSettings)}`;
  const base = join(dir, createHash("sha256").update(key).digest("hex").slice(0, 16));
  let building = false;
  try {
    mkdirSync(`${base}.building`);
    building = true;
  } catch {
    // Another file seeds it.
  }
  if (building) {
    try {
      const seeded = await seedDemoDistrict();
      const snapshot: Snapshot = { items: await scanTable(), endedAt: clock.ms() };
      writeFileSync(`${base}.tmp`, serialize(snapshot));
      renameSync(`${base}.tmp`, `${base}.items`);
      return seeded;
    } catch (error) {
      writeFileSync(`${base}.failed`, "");
      throw error;
    }
  }
  for (;;) {
    if (existsSync(`${base}.items`)) break;
    // The file that was seeding failed: its own failure says why; this one seeds as before.
    if (existsSync(`${base}.failed`)) return seedDemoDistrict();
    await new Promise((r) => setTimeout(r, 100));
  }
  const snapshot = deserialize(readFileSync(`${base}.items`)) as Snapshot;
  await writeItems(snapshot.items);
  if (clock.pinned() && clock.ms() < snapshot.endedAt) clock.set(snapshot.endedAt);
  return { districtId: demoDistrictId, created: true };
}

interface Snapshot {
  items: Array<Record<string, AttributeValue>>;
  /** The business clock when the seed ended. */
  endedAt: number;
}

async function tableIsEmpty() {
  const out = await dynamo().send(new ScanCommand({ TableName: Config.tableName(), Limit: 1 }));
  return (out.Items ?? []).length === 0;
}

async function scanTable() {
  const items: Array<Record<string, AttributeValue>> = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await dynamo().send(new ScanCommand({ TableName: Config.tableName(), ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Batches of 25 (DynamoDB's most), four at a time; whatever DynamoDB leaves unprocessed is sent again. */
async function writeItems(items: Array<Record<string, AttributeValue>>) {
  const table = Config.tableName();
  const batches: Array<Array<Record<string, AttributeValue>>> = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await mapLimit(batches, 4, async (batch) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length) {
      const out = await dynamo().send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
      requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
    }
  });
}
