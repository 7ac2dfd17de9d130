import { describe, expect, it } from "vitest";
import { getItem, putItem, queryAll, keys } from "@fidelio/core/dynamo";
import { applyPlan } from "@fidelio/core/roster/apply";
import { prepareImport } from "@fidelio/core/roster/prepare";
import { newDistrict, rosterCsv, toFiles } from "./fixture";

/**
 * A new student's first IEP version is written without a version claim, in the transaction that creates
 * the student only if still absent (roster/apply.ts). If the student appeared between planning and
 * writing, that transaction must fail whole, so no claim-less version can sit beside someone else's.
 */
describe("a student created by someone else while the import runs", () => {
  it("stops the import with 409 and writes nothing of that student", async () => {
    const { actor } = await newDistrict();
    const { plan } = await prepareImport(actor, toFiles(rosterCsv("race.test")));
    const unit = plan.students.find((candidate) => candidate.iep && candidate.isNew)!;
    expect(unit).toBeDefined();
    // Someone else writes the student first (the same item, as a second import would).
    await putItem(unit.puts[0]!);

    const attempt = applyPlan(
      { actor, auditKey: (studentId) => ({ id: `aud_race_${studentId}`, at: new Date().toISOString() }), progressed: () => {}, checkOwned: () => {} },
      plan,
    );
    await expect(attempt).rejects.toMatchObject({ status: 409, message: expect.stringContaining("created by someone else") });

    const partition = await queryAll({ ...keys.studentPartition(unit.studentId) });
    expect(partition.map((item) => String(item.sk))).toEqual([keys.student(unit.studentId).sk]);
    expect(await getItem(keys.iepVersionClaim(unit.studentId, 1))).toBeUndefined();
  });
});
