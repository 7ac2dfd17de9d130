import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { IsoDate } from "@fidelio/core/iep";
import * as v from "valibot";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";

const demo = (who: string) => `${who}@demo.fidelio.test`;
/** Dates of the right length that no calendar has: month 00 and 13, day 00 and 32, and all nines. */
const impossible = ["2026-00-10", "2026-13-10", "2026-01-00", "2026-01-32", "9999-99-99", "2026-02-30"];

const tokens: Record<string, string> = {};
let childId = "";

beforeAll(async () => {
  await seedDemo();
  for (const who of ["director", "advocate", "parent", "casemanager"]) tokens[who] = await signIn(demo(who));
  const list = await call("/api/students", { token: tokens.parent });
  childId = ((await list.json()) as { items: Array<{ id: string }> }).items[0]!.id;
});

const problemsOf = async (res: Response) => (await res.json()) as { error: string; problems: Array<{ field: string; code: string }> };

describe("an impossible date", () => {
  it("is a problem of the shared date schema, never an exception", () => {
    for (const date of impossible) {
      const result = v.safeParse(IsoDate, date);
      expect(result.success, date).toBe(false);
      // One problem each: a wrong shape is not reported a second time as "not a real date".
      expect(result.issues, date).toHaveLength(1);
    }
    expect(v.safeParse(IsoDate, "2028-02-29").success).toBe(true);
  });

  it.each(impossible)("answers 400 naming from/to on both fidelity reads (%s)", async (date) => {
    for (const field of ["from", "to"]) {
      const report = await call(`/api/reports/fidelity?${field}=${date}`, { token: tokens.director });
      expect(report.status).toBe(400);
      expect((await problemsOf(report)).problems.map((p) => p.field)).toContain(field);
      const student = await call(`/api/students/${childId}/fidelity?${field}=${date}&format=csv`, { token: tokens.director });
      expect(student.status).toBe(400);
      expect((await problemsOf(student)).problems.map((p) => p.field)).toContain(field);
    }
  });

  it("answers an advocate 403 on the fidelity reads, whatever the dates", async () => {
    for (const date of ["9999-99-99", "2026-13-01", "2026-W10"]) {
      expect((await call(`/api/reports/fidelity?from=${date}`, { token: tokens.advocate })).status).toBe(403);
      expect((await call(`/api/students/${childId}/fidelity?to=${date}`, { token: tokens.advocate })).status).toBe(403);
    }
  });

  it.each(impossible)("answers 400 naming happenedOn on a new concern, and files nothing (%s)", async (date) => {
    const res = await call("/api/concerns", {
      token: tokens.parent,
      headers: { "idempotency-key": randomUUID() },
      body: { studentId: childId, itemIds: ["acc-1"], happenedOn: date, description: "Extended time was not given." },
    });
    expect(res.status).toBe(400);
    const body = await problemsOf(res);
    expect(body.problems).toContainEqual(expect.objectContaining({ field: "happenedOn", code: "invalid_date" }));
    const mine = await call("/api/concerns", { token: tokens.parent });
    expect(((await mine.json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  it.each(impossible)("answers 400 naming effectiveFrom on an IEP edit (%s)", async (date) => {
    const res = await call(`/api/students/${childId}/iep`, {
      method: "PUT",
      token: tokens.casemanager,
      body: { effectiveFrom: date, accommodations: [], modifications: [], services: [], goals: [], version: 1 },
    });
    expect(res.status).toBe(400);
    expect((await problemsOf(res)).problems).toContainEqual(expect.objectContaining({ field: "effectiveFrom", code: "invalid_date" }));
  });
});
