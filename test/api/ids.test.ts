import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "@fidelio/core/id";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";

const sharedPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
};

describe("record ids", () => {
  it("are random: ids made one after another share no prefix beyond chance and follow no order", () => {
    const ids = Array.from({ length: 2000 }, () => newId("stu"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^stu_[0-9a-hjkmnp-tv-z]{26}$/);
    const pairs = ids.slice(1).map((id, i) => [ids[i]!, id] as const);
    // Past the `stu_` prefix, two random base32 strings agree on the next character 1 time in 32.
    const meanShared = pairs.reduce((sum, [a, b]) => sum + sharedPrefix(a, b) - 4, 0) / pairs.length;
    expect(meanShared).toBeLessThan(0.2);
    const ascending = pairs.filter(([a, b]) => a < b).length / pairs.length;
    expect(ascending).toBeGreaterThan(0.4);
    expect(ascending).toBeLessThan(0.6);
  });

  let parent = "";
  beforeAll(async () => {
    await seedDemo();
    parent = await signIn("parent@demo.fidelio.test");
  });

  it("keep the audit trail in time order, which comes from the sort key's timestamp, not the id", async () => {
    const child = ((await (await call("/api/students", { token: parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
    for (let i = 0; i < 5; i++) await call(`/api/students/${child}`, { token: parent });
    const { items } = (await (await call(`/api/audit?studentId=${child}`, { token: parent })).json()) as { items: Array<{ at: string }> };
    const times = items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });
});
