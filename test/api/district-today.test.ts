import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { clock } from "@fidelio/core/clock";
import { putItem } from "@fidelio/core/dynamo";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { startWorkflowRunner } from "../support/workflow";

/**
 * "Today" is the district's date everywhere: on Sunday evening in Los Angeles, when UTC is already
 * Monday, an IEP amendment in effect from Monday is not yet in effect for the student's page, the
 * teacher's class list or a parent's new concern; from midnight in Los Angeles it is.
 */
const sundayEveningInLosAngeles = "2026-12-07T03:53:00Z";
const mondayJustAfterMidnightInLosAngeles = "2026-12-07T08:05:00Z";
const monday = "2026-12-07";
const amendedItem = "acc-from-monday";

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
const t = {} as Record<"parent" | "teacher", string>;
let childId = "";
let classId = "";

beforeAll(async () => {
  // This file's own instants, whatever the run pins: the point is the hours between the two dates.
  clock.set(sundayEveningInLosAngeles);
  await seedDemo();
  t.parent = await signIn("parent@demo.fidelio.test");
  t.teacher = await signIn("teacher@demo.fidelio.test");
  childId = ((await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  const record = (await Student.load(childId))!;
  classId = record.relationships.find((r) => r.kind === "teacher" && r.userName === "Maria Alvarez")!.classes![0]!.id;
  const latest = Iep.latest(record.ieps)!;
  const amendment = {
    ...latest,
    version: latest.version + 1,
    effectiveFrom: monday,
    accommodations: [...latest.accommodations, { id: amendedItem, text: "Audio books for reading assignments" }],
    createdAt: clock.iso(),
  };
  await putItem(Iep.toItem(amendment), "attribute_not_exists(pk)");
  runner = await startWorkflowRunner({ timeScale: 1 });
});

afterAll(async () => {
  await runner?.stop();
});

const studentPage = async () =>
  ((await (await call(`/api/students/${childId}`, { token: t.parent })).json()) as { iep: { accommodations: Array<{ id: string }> } }).iep.accommodations.map(
    (a) => a.id,
  );
const classList = async () => {
  const { items } = (await (await call("/api/students/classes", { token: t.teacher })).json()) as {
    items: Array<{ students: Array<{ id: string; accommodations: Array<{ id: string }> }> }>;
  };
  return items
    .flatMap((c) => c.students)
    .find((s) => s.id === childId)!
    .accommodations.map((a) => a.id);
};
const file = (itemIds: string[]) =>
  call("/api/concerns", {
    token: t.parent,
    body: { studentId: childId, classId, itemIds, description: "Audio books were not offered." },
    headers: { "idempotency-key": randomUUID() },
  });
const concernCount = async () => ((await (await call("/api/concerns", { token: t.parent })).json()) as { items: unknown[] }).items.length;

describe("today is the district's date", () => {
  it("on Sunday evening in the district (Monday in UTC), Monday's amendment is not yet in effect anywhere", async () => {
    expect(await studentPage()).not.toContain(amendedItem);
    expect(await classList()).not.toContain(amendedItem);
    const before = await concernCount();
    const res = await file([amendedItem]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Not a support in the IEP in effect");
    expect(await concernCount()).toBe(before);
  });

  it("just after midnight in the district, it is", async () => {
    clock.set(mondayJustAfterMidnightInLosAngeles);
    expect(await studentPage()).toContain(amendedItem);
    expect(await classList()).toContain(amendedItem);
    const res = await file([amendedItem]);
    expect(res.status, await res.clone().text()).toBe(201);
  });
});
