import { describe, expect, it } from "vitest";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { dynamo, keys, queryAll, tableName } from "@fidelio/core/dynamo";
import { Roster } from "@fidelio/core/roster";
import { newDistrict, rosterCsv, toFiles } from "./fixture";

/** Every roster job's file chunks in this file's table (a Scan: tests only). */
async function fileChunks() {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await dynamo().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.filter((item) => String(item.pk).startsWith("ROSTERJOB#") && String(item.sk).startsWith("FILE#"));
}

/** Two uploads of different files that both find no import running: one job, the other 409. */
describe("uploads of different files at the same moment", () => {
  it("start one job; the others answer 409 and leave no files behind", async () => {
    const { districtId, actor } = await newDistrict(["district_admin"], `race-${Date.now()}@job-race.test`);
    const uploads = ["a", "b", "c", "d", "e", "f"].map((name) => toFiles(rosterCsv(`${name}.job-race.test`)));
    const results = await Promise.allSettled(uploads.map((files) => Roster.startImport(actor, files, () => undefined)));

    const started = results.flatMap((r) => (r.status === "fulfilled" && r.value.id ? [r.value.id] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(5);
    for (const reason of refused) expect(reason).toMatchObject({ status: 409, code: "import_running" });
    expect((await queryAll(keys.openRosterJobs(districtId))).map((item) => item.id)).toEqual(started);
    expect(new Set((await fileChunks()).map((chunk) => chunk.pk))).toEqual(new Set([keys.rosterJob(started[0]!).pk]));
  });
});
