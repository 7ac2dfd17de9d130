import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getItem, keys } from "@fidelio/core/dynamo";
import { call } from "../support/api";
import { startWorkflowRunner } from "../support/workflow";
import { act, childOf, fileConcern, getConcern, token, waiting, type ConcernView } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Wed Dec 9 2026, 10 AM Pacific: the demo district's zone.
pinClock(ordinarySchoolDay);

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => runner?.stop());

type Clocked = ConcernView & {
  clocks: Array<{ kind: string; startsOn: string; endsOn: string; basis: { citation: string; en: string; es: string } }>;
  stateComplaintFiledOn: string | null;
};
const clocked = async (id: string, who: Parameters<typeof getConcern>[1] = "parent") => (await getConcern(id, who)) as Clocked;
const record = (who: "parent" | "teacher" | "parent2", concern: { id: string; version: number }, filedOn: unknown) =>
  token(who).then((t) =>
    call(`/api/concerns/${concern.id}/actions`, { token: t, body: { action: "record_state_complaint", version: concern.version, filedOn } }),
  );

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  runner = await startWorkflowRunner({ timeScale: 1 });
});

describe("a concern's legal clocks", () => {
  it("opens the state complaint window on the day the lapse happened, for one year, with the rule in both languages", async () => {
    const filed = await fileConcern({ ...sofia, happenedOn: "2026-11-30" });
    expect(filed.status).toBe(201);
    for (const who of ["parent", "teacher", "director"] as const) {
      const concern = await clocked(filed.body.id, who);
      expect(concern.clocks).toEqual([
        {
          kind: "state_complaint_window",
          startsOn: "2026-11-30",
          endsOn: "2027-11-30",
          basis: { citation: "34 CFR 300.153(c)", en: expect.stringContaining("no more than 1 year"), es: expect.stringContaining("no más de 1 año") },
        },
      ]);
    }
  });

  it("without a lapse date, counts from the day it was filed in the district's zone", async () => {
    const filed = await fileConcern(sofia);
    expect((await clocked(filed.body.id)).clocks[0]).toMatchObject({ startsOn: "2026-12-09", endsOn: "2027-12-09" });
  });

  it("record_state_complaint adds the state's 60 days, leaves the concern where it was, and the school's wait runs on", async () => {
    const id = (await fileConcern(sofia)).body.id;
    const before = await waiting(id, (c) => c.level === "teacher");
    const token = (await getItem<{ taskToken?: string }>(keys.concern(id), true))!.taskToken;
    const res = await record("parent", before, "2026-12-08");
    expect(res.status).toBe(200);
    const after = (await res.json()) as Clocked;
    expect(after).toMatchObject({ status: "open", level: "teacher", dueAt: before.dueAt, version: before.version + 1, stateComplaintFiledOn: "2026-12-08" });
    expect(after.clocks.map(({ kind, startsOn, endsOn }) => ({ kind, startsOn, endsOn }))).toEqual([
      { kind: "state_complaint_window", startsOn: "2026-12-09", endsOn: "2027-12-09" },
      // Dec 8 + 23 = Dec 31, + 31 = Jan 31, + 6 = Feb 6.
      { kind: "state_complaint_decision", startsOn: "2026-12-08", endsOn: "2027-02-06" },
    ]);
    expect(after.clocks[1]!.basis.citation).toBe("34 CFR 300.152(a)");
    expect(after.timeline.at(-1)).toMatchObject({ type: "state_complaint_recorded", filedOn: "2026-12-08", actor: { name: "Rosa Martinez" } });
    // The workflow still waits on the teacher with the same token: the teacher's answer goes through.
    expect((await getItem<{ taskToken?: string }>(keys.concern(id), true))!.taskToken).toBe(token);
    expect((await act("teacher", after, "resolve", "Extended time is back on math tests.")).body).toMatchObject({ status: "awaiting_confirmation" });
  });

  it("refuses a day to come, a missing day, staff and strangers, changing nothing", async () => {
    const id = (await fileConcern(sofia)).body.id;
    const concern = await waiting(id);
    const future = await record("parent", concern, "2026-12-10");
    expect(future.status).toBe(400);
    expect(await future.json()).toMatchObject({ error: "filed_on_future" });
    expect((await record("parent", concern, undefined)).status).toBe(400);
    expect((await record("teacher", concern, "2026-12-08")).status).toBe(403);
    expect((await record("parent2", concern, "2026-12-08")).status).toBe(404);
    const unchanged = await clocked(id);
    expect(unchanged).toMatchObject({ version: concern.version, stateComplaintFiledOn: null });
    expect(unchanged.clocks).toHaveLength(1);
  });

  it("can be recorded after the concern closed: the family's right outlives the concern", async () => {
    const id = (await fileConcern(sofia)).body.id;
    const open = await waiting(id);
    const closed = (await act("parent", open, "withdraw")).body;
    expect(closed.status).toBe("closed");
    const res = await record("parent", closed, "2026-12-09");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "closed", outcome: "withdrawn", stateComplaintFiledOn: "2026-12-09" });
  });
});
