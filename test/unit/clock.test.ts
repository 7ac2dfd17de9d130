import { afterEach, describe, expect, it } from "vitest";
import { clock, districtToday, parseInstant } from "@fidelio/core/clock";

const saved = { now: process.env.FIDELIO_NOW, since: process.env.FIDELIO_NOW_SINCE, lambda: process.env.AWS_LAMBDA_FUNCTION_NAME };
afterEach(() => {
  for (const [name, value] of [
    ["FIDELIO_NOW", saved.now],
    ["FIDELIO_NOW_SINCE", saved.since],
    ["AWS_LAMBDA_FUNCTION_NAME", saved.lambda],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const la = { timeZone: "America/Los_Angeles" };

describe("the business clock", () => {
  it("is the machine's clock when nothing pins it", () => {
    clock.reset();
    const before = Date.now();
    const now = clock.ms();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(clock.pinned()).toBe(false);
  });

  it("pinned, starts at the instant and advances in real time", async () => {
    clock.set("2026-12-07T03:53:00Z");
    const first = clock.ms();
    expect(first - Date.parse("2026-12-07T03:53:00Z")).toBeGreaterThanOrEqual(0);
    expect(first - Date.parse("2026-12-07T03:53:00Z")).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock.ms() - first).toBeGreaterThanOrEqual(25);
    expect(clock.iso().slice(0, 16)).toBe("2026-12-07T03:53");
  });

  it("frozen, stays at the instant", async () => {
    clock.set("2027-03-14T10:30:00Z", { frozen: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.iso()).toBe("2027-03-14T10:30:00.000Z");
    expect(clock.describe()).toContain("frozen");
  });

  it("reads FIDELIO_NOW from the environment, anchored when first read, so every thread and child shares one timeline", () => {
    process.env.FIDELIO_NOW = "2027-06-04T22:00:00Z";
    delete process.env.FIDELIO_NOW_SINCE;
    const at = clock.ms();
    expect(at - Date.parse("2027-06-04T22:00:00Z")).toBeLessThan(1_000);
    expect(Number(process.env.FIDELIO_NOW_SINCE)).toBeGreaterThan(0);
    // Another reader with the same environment (a worker thread, a child) gets the same time.
    process.env.FIDELIO_NOW_SINCE = String(Date.now() - 60_000);
    expect(clock.ms() - Date.parse("2027-06-04T22:00:00Z")).toBeGreaterThanOrEqual(60_000);
  });

  it("refuses an instant without its zone, or not a date, with a message naming the variable", () => {
    for (const bad of ["2026-12-07", "2026-12-07T03:53:00", "monday", "2026-13-45T00:00:00Z"]) {
      process.env.FIDELIO_NOW = bad;
      expect(() => clock.now(), bad).toThrow(/FIDELIO_NOW must be an ISO instant with its zone/);
    }
    expect(parseInstant("2026-12-06T19:53:00-08:00")).toBe(Date.parse("2026-12-07T03:53:00Z"));
  });

  it("is ignored on Lambda: production always runs on the machine's clock", () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = "api";
    process.env.FIDELIO_NOW = "2020-01-01T00:00:00Z";
    expect(Math.abs(clock.ms() - Date.now())).toBeLessThan(1_000);
    expect(clock.pinned()).toBe(false);
  });
});

describe("today in the district", () => {
  it("is still Sunday in Los Angeles when UTC is already Monday", () => {
    expect(districtToday(la, new Date("2026-12-07T03:53:00Z"))).toBe("2026-12-06");
    expect(districtToday(la, new Date("2026-12-07T08:00:00Z"))).toBe("2026-12-07");
    expect(districtToday({ timeZone: "America/New_York" }, new Date("2026-12-07T03:53:00Z"))).toBe("2026-12-06");
    expect(districtToday({ timeZone: "America/New_York" }, new Date("2026-12-07T05:00:00Z"))).toBe("2026-12-07");
  });

  it("follows the zone across both DST changes", () => {
    // Fall back, Sun Nov 1 2026: 01:30 happens twice (PDT then PST); both are Nov 1, and 23:30 PST is still Nov 1.
    expect(districtToday(la, new Date("2026-11-01T08:30:00Z"))).toBe("2026-11-01");
    expect(districtToday(la, new Date("2026-11-01T09:30:00Z"))).toBe("2026-11-01");
    expect(districtToday(la, new Date("2026-11-02T07:30:00Z"))).toBe("2026-11-01");
    expect(districtToday(la, new Date("2026-11-02T08:00:00Z"))).toBe("2026-11-02");
    // Spring forward, Sun Mar 14 2027: midnight is 08:00 UTC before and 07:00 UTC after.
    expect(districtToday(la, new Date("2027-03-14T07:59:00Z"))).toBe("2027-03-13");
    expect(districtToday(la, new Date("2027-03-15T06:59:00Z"))).toBe("2027-03-14");
    expect(districtToday(la, new Date("2027-03-15T07:00:00Z"))).toBe("2027-03-15");
  });

  it("uses the clock by default, and the default zone for a district saved without one", () => {
    clock.set("2026-12-07T03:53:00Z", { frozen: true });
    expect(districtToday({})).toBe("2026-12-06");
  });
});
