import { afterAll, beforeAll, expect, it } from "vitest";
import { call } from "../support/api";
import { startWorkflowRunner } from "../support/workflow";
import { childOf, fileConcern, token } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): the 30-day window counts from it.
pinClock(ordinarySchoolDay);

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => runner?.stop());

type Found = { kind: string; classId?: string; teacherName?: string; count: number; evidence: string[] };
const repeats = async () => {
  const res = await call("/api/reports/patterns", { token: await token("director") });
  expect(res.status).toBe(200);
  return ((await res.json()) as { patterns: Found[] }).patterns.filter((p) => p.kind === "repeat_concerns");
};

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  await token("director");
  runner = await startWorkflowRunner({ timeScale: 1 });
});

it("a second concern about the same class and teacher within 30 days shows as a repeat to the director, counted in the filing's transaction", async () => {
  const first = await fileConcern(sofia);
  expect(first.status).toBe(201);
  expect(await repeats()).toEqual([]);
  const second = await fileConcern(sofia);
  expect(second.status).toBe(201);
  const found = await repeats();
  const byClass = found.find((p) => p.classId === sofia.classId);
  const byTeacher = found.find((p) => p.teacherName === "Maria Alvarez");
  expect(byClass).toMatchObject({ count: 2 });
  expect(byTeacher).toMatchObject({ count: 2 });
  expect([...byClass!.evidence].sort()).toEqual([first.body.id, second.body.id].sort());
}, 120_000);
