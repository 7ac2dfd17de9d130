import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "@fidelio/local/demo/seed";
import { putItem } from "@fidelio/core/dynamo";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { call, signIn } from "../support/api";

interface StudentView {
  student: { id: string; name: string };
  relationship: string;
  myClasses: Array<{ id: string; title: string }>;
  iep: null | {
    version: number;
    effectiveFrom: string;
    accommodations: Array<{ id: string; text: string; appliesInMyClasses?: boolean }>;
    services: Array<{ name: string; minutesPerWeek: number; providerRole: string }>;
    goals: Array<{ area: string; text: string }>;
  };
  team: Array<{ name: string; role: string }>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("a student's record", () => {
  const t = {} as Record<"parent" | "teacher", string>;
  let childId = "";
  const view = async (who: keyof typeof t) => (await (await call(`/api/students/${childId}`, { token: t[who] })).json()) as StudentView;

  beforeAll(async () => {
    await seedDemoDistrict();
    t.parent = await signIn("parent@demo.fidelio.test");
    t.teacher = await signIn("teacher@demo.fidelio.test");
    childId = ((await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  });

  it("shows the parent the IEP in effect: accommodations, services with weekly minutes and provider, goals, team", async () => {
    const record = await view("parent");
    expect(record.relationship).toBe("parent");
    expect(record.iep?.accommodations.length).toBeGreaterThan(0);
    expect(record.iep?.services.every((s) => Number.isInteger(s.minutesPerWeek) && s.minutesPerWeek > 0 && s.providerRole)).toBe(true);
    expect(record.iep?.goals.length).toBeGreaterThan(0);
    expect(record.team.map((m) => m.role)).toEqual(expect.arrayContaining(["teacher", "case_manager"]));
    expect(record.myClasses).toEqual([]);
    expect(record.iep?.accommodations.every((a) => a.appliesInMyClasses === undefined)).toBe(true);
  });

  it("tells a teacher their classes and which accommodations apply in them", async () => {
    const record = await view("teacher");
    expect(record.relationship).toBe("teacher");
    expect(record.myClasses.length).toBeGreaterThan(0);
    expect(record.iep?.accommodations.every((a) => typeof a.appliesInMyClasses === "boolean")).toBe(true);
    expect(record.iep?.accommodations.some((a) => a.appliesInMyClasses)).toBe(true);
  });

  it("keeps showing the current IEP until an amendment takes effect, then shows the amendment", async () => {
    const before = (await view("parent")).iep!;
    const latest = Iep.latest((await Student.load(childId))!.ieps)!;
    const amendment = (offset: number, version: number) => ({
      ...latest,
      version,
      effectiveFrom: day(offset),
      accommodations: [...latest.accommodations, { id: `acc-amend-${version}`, text: "Use of a calculator on math tests" }],
      createdAt: new Date().toISOString(),
    });
    await putItem(Iep.toItem(amendment(30, latest.version + 1)), "attribute_not_exists(pk)");
    expect((await view("parent")).iep!.version).toBe(before.version);
    await putItem(Iep.toItem(amendment(0, latest.version + 2)), "attribute_not_exists(pk)");
    const now = (await view("parent")).iep!;
    expect(now.version).toBe(latest.version + 2);
    expect(now.accommodations.map((a) => a.text)).toContain("Use of a calculator on math tests");
  });
});
