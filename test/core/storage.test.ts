import { describe, expect, it } from "vitest";
import {
  deleteItem,
  getItem,
  maxBatchAttempts,
  putItem,
  transact,
  untilProcessed,
  updateItem,
} from "@fidelio/core/dynamo";
import { isConditionFailure } from "@fidelio/core/error";

const key = { pk: "TEST#storage", sk: "ITEM" };

describe("the storage module", () => {
  it("updates conditionally on a version: the stale writer is refused and nothing is lost", async () => {
    await putItem({ ...key, version: 1, note: "first" });
    const fresh = await updateItem(key, "SET note = :note, version = :next", {
      condition: "version = :seen",
      values: { ":note": "second", ":next": 2, ":seen": 1 },
    });
    expect(fresh).toMatchObject({ note: "second", version: 2 });

    const stale = updateItem(key, "SET note = :note, version = :next", {
      condition: "version = :seen",
      values: { ":note": "stale", ":next": 2, ":seen": 1 },
    });
    const error = await stale.catch((e: unknown) => e);
    expect(isConditionFailure(error)).toBe(true);
    expect(await getItem(key, true)).toMatchObject({ note: "second", version: 2 });
  });

  it("updates inside a transaction, all or nothing", async () => {
    const other = { pk: "TEST#storage", sk: "OTHER" };
    await putItem({ ...other, count: 0 });
    const failed = await transact([
      { update: other, expression: "SET #c = #c + :one", names: { "#c": "count" }, values: { ":one": 1 } },
      { check: key, condition: "version = :v", values: { ":v": 99 } },
    ]).catch((e: unknown) => e);
    expect(isConditionFailure(failed)).toBe(true);
    expect(await getItem(other, true)).toMatchObject({ count: 0 });

    await transact([
      { update: other, expression: "SET #c = #c + :one", names: { "#c": "count" }, values: { ":one": 1 } },
      { check: key, condition: "version = :v", values: { ":v": 2 } },
    ]);
    expect(await getItem(other, true)).toMatchObject({ count: 1 });
  });

  it("deletes only when the condition holds", async () => {
    const refused = await deleteItem(key, { condition: "version = :v", values: { ":v": 1 } }).catch((e: unknown) => e);
    expect(isConditionFailure(refused)).toBe(true);
    expect(await getItem(key, true)).toBeDefined();
    await deleteItem(key, { condition: "version = :v", values: { ":v": 2 } });
    expect(await getItem(key, true)).toBeUndefined();
  });

  it("gives up on a batch DynamoDB keeps handing back, with a clear error, after a bounded number of attempts", async () => {
    let attempts = 0;
    const error = await untilProcessed(["a", "b"], async (pending) => {
      attempts++;
      return pending.slice(1);
    }, 1).catch((e: unknown) => e);
    expect(error).toBeUndefined();
    expect(attempts).toBe(2);

    attempts = 0;
    const stuck = await untilProcessed(["a", "b"], async (pending) => {
      attempts++;
      return pending;
    }, 1).catch((e: unknown) => e);
    expect(attempts).toBe(maxBatchAttempts);
    expect(String(stuck)).toContain(`2 of 2 batch requests unprocessed after ${maxBatchAttempts} attempts`);
  });
});
