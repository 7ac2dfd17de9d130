import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";

/** Found by `npm run fuzz`: a date of the right shape that is no real day was saved. */
describe("district settings dates", () => {
  let admin = "";
  beforeAll(async () => {
    await seedDemo();
    admin = await signIn("admin@demo.fidelio.test");
  });

  it.each(["2025-02-30", "2026-02-29", "2025-04-31"])("refuses %s as the first day and changes nothing", async (day) => {
    const current = (await (await call("/api/admin/district", { token: admin })).json()) as Record<string, any>;
    const body = {
      calendar: { ...current.calendar, firstDay: day },
      deadlines: current.deadlines,
      fidelityGraceDays: current.fidelityGraceDays,
      version: current.version,
    };
    const res = await call("/api/admin/district", { method: "PUT", token: admin, body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { fields: Record<string, string[]> }).fields["calendar.firstDay"]).toBeDefined();
    expect(((await (await call("/api/admin/district", { token: admin })).json()) as Record<string, any>).version).toBe(current.version);
  });
});
