import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "@fidelio/local/demo/seed";
import { newId } from "@fidelio/core/id";
import { putItem } from "@fidelio/core/dynamo";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { call, signIn } from "../support/api";

/** A measured test, as the issue asks: 404 timing must not tell someone else's student from none. */
describe("404 timing", () => {
  let teacher2 = "";
  let foreign = "";
  beforeAll(async () => {
    await seedDemoDistrict();
    const parent = await signIn("parent@demo.fidelio.test");
    teacher2 = await signIn("teacher2@demo.fidelio.test");
    foreign = ((await (await call("/api/students", { token: parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
    // A student with a long IEP history: a larger partition makes the difference to "none" plain.
    const latest = Iep.latest((await Student.load(foreign))!.ieps)!;
    for (let v = 1; v <= 30; v++) {
      await putItem(Iep.toItem({ ...latest, version: latest.version + v, effectiveFrom: "2099-01-01", createdAt: new Date().toISOString() }), "attribute_not_exists(pk)");
    }
  });

  const time = async (id: string) => {
    const began = performance.now();
    const res = await call(`/api/students/${id}`, { token: teacher2 });
    await res.text();
    expect(res.status).toBe(404);
    return performance.now() - began;
  };

  it("answers for an existing student who is not yours no slower than for a missing one, pair by pair", async () => {
    for (let i = 0; i < 10; i++) await time(foreign), await time(newId("stu"));
    const pairs = 200;
    let foreignSlower = 0;
    for (let i = 0; i < pairs; i++) {
      // Alternate which goes first, so warm-up and drift favour neither.
      const missingFirst = i % 2 === 0;
      const m1 = missingFirst ? await time(newId("stu")) : 0;
      const f = await time(foreign);
      const m = missingFirst ? m1 : await time(newId("stu"));
      if (f > m) foreignSlower++;
    }
    console.log(`404 timing: existing-but-not-yours slower in ${((100 * foreignSlower) / pairs).toFixed(1)}% of ${pairs} pairs`);
    // Without the floor, the existing student is slower in about 9 of 10 pairs (0.89 measured here); with it,
    // 0.5 give or take the machine's noise (0.55 to 0.64 seen on a busy 2-core machine).
    expect(foreignSlower / pairs).toBeGreaterThan(0.3);
    expect(foreignSlower / pairs).toBeLessThan(0.7);
  }, 240_000);
});
