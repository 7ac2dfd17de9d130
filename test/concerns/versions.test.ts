import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/api";
import { act, childOf, fileConcern, getConcern, token, waiting, runnerPerTest } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

/** Every action carries the version of the concern it was made against: a screen left open on an older one changes nothing. */
const startRunner = runnerPerTest();

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  await token("parent");
  await token("teacher");
});

const types = (c: { timeline: Array<{ type: string }> }) => c.timeline.map((e) => e.type);

describe("the version an action was made against", () => {
  it("a stale version is refused with 409 conflict, naming the current version, and changes nothing", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    // The teacher's page, loaded before asking the family a question.
    const teachersPage = await waiting(body.id);
    expect((await act("teacher", teachersPage, "request_info", "Which quiz was it?")).status).toBe(200);
    const asked = await waiting(body.id, (c) => c.status === "awaiting_info");
    expect((await act("parent", asked, "provide_info", "Friday's math quiz.")).status).toBe(200);
    const answered = await waiting(body.id, (c) => c.status === "open");

    // Resolving from the page that never saw the family's answer: the action still fits the state, but not what was read.
    const stale = await act("teacher", teachersPage, "resolve", "Done.");
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: "conflict", errors: { version: answered.version, status: "open", level: "teacher" } });
    expect(stale.body.message).toMatch(/^This concern changed after you opened it: now with the teacher/);
    const after = await getConcern(body.id);
    expect(after.version).toBe(answered.version);
    expect(types(after)).toEqual(types(answered));

    // The same action against the concern as it is now goes through.
    expect((await act("teacher", answered, "resolve", "Done.")).status).toBe(200);
  });

  it("a missing or malformed version is 400 naming the field, and changes nothing", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    const teacher = await token("teacher");
    for (const extra of [{}, { version: "1" }, { version: 1.5 }, { version: -1 }, { version: null }]) {
      const res = await call(`/api/concerns/${body.id}/actions`, { token: teacher, body: { action: "escalate", text: "Needs the case manager.", ...extra } });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      const answer = (await res.json()) as { error: string; problems: Array<{ field: string; code: string; message: string }> };
      expect(answer.error).toBe("invalid");
      expect(answer.problems.map((p) => p.field)).toEqual(["version"]);
      if (!("version" in extra)) expect(answer.problems[0]).toMatchObject({ code: "required", message: "Send the version of the concern you acted on" });
    }
    const after = await getConcern(body.id);
    expect([after.version, types(after)]).toEqual([open.version, types(open)]);
  });

  it("two tabs acting on the same version: exactly one wins, even when the other action would still fit", async () => {
    await startRunner({ timeScale: 1 });
    for (let round = 0; round < 3; round++) {
      const { body } = await fileConcern(sofia);
      expect((await act("teacher", await waiting(body.id), "resolve", "Extended time is back on every quiz.")).status).toBe(200);
      // The parent has the concern open twice: disputing in one tab, withdrawing in the other (withdrawing fits any open concern).
      const seen = await waiting(body.id, (c) => c.status === "awaiting_confirmation");
      const [dispute, withdraw] = await Promise.all([act("parent", seen, "dispute", "It did not happen on Friday."), act("parent", seen, "withdraw")]);
      expect([dispute.status, withdraw.status].sort()).toEqual([200, 409]);
      const after = await getConcern(body.id);
      expect(types(after).filter((t) => t === "disputed" || t === "withdrawn")).toHaveLength(1);
      expect(types(after).includes("disputed")).toBe(dispute.status === 200);
    }
  });

  it("one tab after the other: the second, made against the version before the first, is refused", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    expect((await act("teacher", await waiting(body.id), "resolve", "Extended time is back on every quiz.")).status).toBe(200);
    const seen = await waiting(body.id, (c) => c.status === "awaiting_confirmation");
    expect((await act("parent", seen, "dispute", "It did not happen on Friday.")).status).toBe(200);
    const moved = await waiting(body.id, (c) => c.level === "case_manager" && c.assignee !== null);
    const late = await act("parent", seen, "withdraw");
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: "conflict", errors: { version: moved.version } });
    const after = await getConcern(body.id);
    expect(after.status).toBe("open");
    expect(types(after)).not.toContain("withdrawn");
  });
});
