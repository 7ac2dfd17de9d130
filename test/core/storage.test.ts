import { describe, expect, it } from "vitest";
import { deleteItem, getItem, keys, MalformedItemError, maxBatchAttempts, putItem, transact, untilProcessed, updateItem } from "@fidelio/core/dynamo";
import { isConditionFailure } from "@fidelio/core/error";
import { deleteAtVersion, putAtVersion, putNew, putNewItem, refusedItem } from "@fidelio/core/dynamo";
import { User } from "@fidelio/core/user";

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
    const error = await untilProcessed(
      ["a", "b"],
      async (pending) => {
        attempts++;
        return pending.slice(1);
      },
      1,
    ).catch((e: unknown) => e);
    expect(error).toBeUndefined();
    expect(attempts).toBe(2);

    attempts = 0;
    const stuck = await untilProcessed(
      ["a", "b"],
      async (pending) => {
        attempts++;
        return pending;
      },
      1,
    ).catch((e: unknown) => e);
    expect(attempts).toBe(maxBatchAttempts);
    expect(String(stuck)).toContain(`2 of 2 batch requests unprocessed after ${maxBatchAttempts} attempts`);
  });

  it("refuses a malformed stored item through its converter, naming the item type and key but no stored value", async () => {
    const userId = `usr_malformed${Date.now()}`;
    // Written directly, past the domain: roles is not a list and the name is missing.
    await putItem({
      ...keys.user(userId),
      type: "user",
      id: userId,
      email: "secret-address@storage.fidelio.test",
      districtId: "d",
      roles: "teacher",
      schoolIds: [],
    });
    const error = await User.get(userId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedItemError);
    const message = (error as Error).message;
    expect(message).toContain(`Stored user item USER#${userId} / USER is malformed`);
    expect(message).toMatch(/name: missing/);
    expect(message).toMatch(/roles: expected Array/);
    expect(message).not.toContain("secret-address");

    await putItem({
      ...keys.user(userId),
      type: "user",
      id: userId,
      email: "ok@storage.fidelio.test",
      name: "Ok",
      districtId: "d",
      roles: ["teacher"],
      schoolIds: [],
    });
    expect(await User.get(userId)).toEqual({ id: userId, email: "ok@storage.fidelio.test", name: "Ok", districtId: "d", roles: ["teacher"], schoolIds: [] });
  });

  it("hands back the stored item a conditional update was refused on, when asked", async () => {
    await putItem({ ...key, version: 5 });
    const error = await updateItem(key, "SET version = :next", { condition: "version = :seen", values: { ":next": 6, ":seen": 1 }, oldOnRefusal: true }).catch(
      (e: unknown) => e,
    );
    expect(isConditionFailure(error)).toBe(true);
    expect(refusedItem(error)).toMatchObject({ ...key, version: 5 });
    expect(refusedItem(new Error("other"))).toBeUndefined();
  });

  it("creates only what is absent, and replaces or deletes only at the version read (the shared guards)", async () => {
    const item = { pk: "TEST#storage-guards", sk: "ITEM" };
    await putNewItem({ ...item, version: 1, note: "first" });
    expect(isConditionFailure(await putNewItem({ ...item, version: 1, note: "again" }).catch((e: unknown) => e))).toBe(true);
    expect(isConditionFailure(await transact([putNew({ ...item, version: 1, note: "again" })]).catch((e: unknown) => e))).toBe(true);
    expect(await getItem(item, true)).toMatchObject({ version: 1, note: "first" });

    await putAtVersion({ ...item, version: 2, note: "second" }, 1);
    expect(isConditionFailure(await putAtVersion({ ...item, version: 2, note: "stale" }, 1).catch((e: unknown) => e))).toBe(true);
    expect(await getItem(item, true)).toMatchObject({ version: 2, note: "second" });

    expect(isConditionFailure(await deleteAtVersion(item, 1).catch((e: unknown) => e))).toBe(true);
    await deleteAtVersion(item, 2);
    expect(await getItem(item, true)).toBeUndefined();
    // A versioned write never creates the item it expected.
    expect(isConditionFailure(await putAtVersion({ ...item, version: 3 }, 2).catch((e: unknown) => e))).toBe(true);
    expect(await getItem(item, true)).toBeUndefined();
  });
});
