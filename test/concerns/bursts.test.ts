import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { app } from "@fidelio/functions/api/app";
import { call } from "../support/api";
import { act, childOf, fileConcern, getConcern, token, waiting, runnerPerTest } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

/** Parallel bursts against one concern: exactly one of them changes it, the rest change nothing. */
const startRunner = runnerPerTest();

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  await token("parent");
  await token("teacher");
});

const count = <T>(list: T[], value: T) => list.filter((x) => x === value).length;

describe("bursts", () => {
  it("ten filings at once with one new Idempotency-Key make one concern", async () => {
    await startRunner({ timeScale: 1 });
    const open = (await queryAll(keys.openConcerns())).length;
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => fileConcern(sofia, { key })));
    const statuses = answers.map((a) => a.status);
    expect(count(statuses, 201), statuses.join()).toBe(1);
    expect(count(statuses, 200)).toBe(9);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await queryAll(keys.openConcerns())).length).toBe(open + 1);
    const concern = await waiting(answers[0]!.body.id);
    expect(concern.timeline.map((e) => e.type)).toEqual(["filed", "assigned"]);
  });

  it("ten answers at once from the teacher: one is recorded, nine answer 409 naming the state", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => act("teacher", open, i % 2 ? "resolve" : "escalate", `Answer ${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(count(statuses, 200), statuses.join()).toBe(1);
    expect(count(statuses, 409)).toBe(9);
    for (const loser of answers.filter((a) => a.status === 409)) expect(loser.body.message).toMatch(/^This cannot be done now: /);
    const after = await getConcern(body.id);
    expect(after.timeline.filter((e) => e.type === "resolved" || e.type === "escalated")).toHaveLength(1);
  });

  it("refuses an oversized or malformed body with a clear error, and files nothing", async () => {
    const open = (await queryAll(keys.openConcerns())).length;
    const parent = await token("parent");
    // Raw text bodies, as a script or a broken client would send them.
    const raw = (body: string) =>
      app.request("/api/concerns", {
        method: "POST",
        headers: { authorization: `Bearer ${parent}`, "content-type": "application/json", "idempotency-key": randomUUID() },
        body,
      });
    const huge = await raw(JSON.stringify({ ...sofia, description: "x".repeat(200 * 1024) }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { message: string }).message).toContain("over the limit");
    const long = await raw(JSON.stringify({ ...sofia, description: "x".repeat(20_000) }));
    expect(long.status).toBe(400);
    expect(JSON.stringify(await long.json())).toContain("At most");
    const broken = await raw('{"studentId": ');
    expect(broken.status).toBe(400);
    const noKey = await call("/api/concerns", { token: parent, body: { ...sofia, description: "No key." } });
    expect(noKey.status).toBe(400);
    expect(JSON.stringify(await noKey.json())).toContain("Idempotency-Key");
    expect((await queryAll(keys.openConcerns())).length).toBe(open);
  });
});
