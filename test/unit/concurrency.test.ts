import { describe, expect, it } from "vitest";
import { mapLimit } from "@fidelio/core/concurrency";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("mapLimit", () => {
  it("keeps at most `limit` calls in flight and answers in the items' order", async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      most = Math.max(most, ++running);
      for (let i = 0; i < n; i++) await tick();
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it("starts the next call as soon as one finishes, not batch by batch", async () => {
    // Item 0 is slow; with a pool of 2, items 1..3 all finish while it still waits.
    const order: number[] = [];
    await mapLimit([0, 1, 2, 3], 2, async (i) => {
      for (let k = 0; k < (i === 0 ? 20 : 1); k++) await tick();
      order.push(i);
    });
    expect(order.indexOf(3)).toBeLessThan(order.indexOf(0));
  });

  it("rejects with the first failure, and refuses a limit below 1", async () => {
    await expect(mapLimit([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error("two")) : n))).rejects.toThrow("two");
    await expect(mapLimit([1], 0, async (n) => n)).rejects.toThrow(RangeError);
    expect(await mapLimit([], 4, async (n) => n)).toEqual([]);
  });
});
