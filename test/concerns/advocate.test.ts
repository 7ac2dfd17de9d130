import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { User } from "@fidelio/core/user";
import { call, signIn } from "../support/api";
import { emailsTo } from "../support/mail";
import { startWorkflowRunner } from "../support/workflow";
import { act, childOf, fileConcern, getConcern, until, waiting } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => runner?.stop());

const newAdvocate = "new.advocate@advocacy.fidelio.test";
let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  runner = await startWorkflowRunner({ timeScale: 1 });
});

describe("an advocate named by address, with no account yet", () => {
  it("gets an advocate account and an emailed invitation at the hand-off, sees only that concern, and records the outcome", async () => {
    expect(await User.byEmail(newAdvocate)).toBeUndefined();
    const handed = (await fileConcern({ ...sofia, advocateEmail: newAdvocate })).body.id;
    const notHanded = (await fileConcern(sofia)).body.id;
    for (const [who, level] of [
      ["teacher", "teacher"],
      ["casemanager", "case_manager"],
      ["director", "director"],
    ] as const) {
      const atLevel = await waiting(handed, (c) => c.level === level);
      expect((await act(who, atLevel, "escalate", "Needs the next level.")).status).toBe(200);
    }
    const atAdvocate = await until(handed, (c) => c.level === "advocate" && c.assignee !== null);
    expect(atAdvocate.status).toBe("with_advocate");
    const account = await User.byEmail(newAdvocate);
    expect(account).toMatchObject({ roles: ["advocate"], districtId: expect.any(String) });
    // The hand-off email is the invitation: it links to the concern; signing in with the address works.
    await expect.poll(async () => (await emailsTo(newAdvocate)).some((m) => m.body.text?.includes(`/concerns/${handed}`)), { timeout: 10_000 }).toBe(true);
    const advocate = await signIn(newAdvocate);
    const get = (path: string) => call(path, { token: advocate });
    expect((await get(`/api/concerns/${handed}`)).status).toBe(200);
    expect((await get(`/api/concerns/${handed}/packet`)).status).toBe(200);
    expect((await get(`/api/concerns/${notHanded}`)).status).toBe(404);
    expect((await get(`/api/concerns/${notHanded}/packet`)).status).toBe(404);
    expect((await get("/api/reports/escalations")).status).toBe(404);
    const listed = ((await (await get("/api/concerns")).json()) as { items: Array<{ id: string }> }).items.map((c) => c.id);
    expect(listed).toEqual([handed]);

    const handedOver = await waiting(handed, (c) => c.level === "advocate");
    const outcome = await call(`/api/concerns/${handed}/actions`, {
      token: advocate,
      body: { action: "record_outcome", text: "Agreed a seating plan with the school.", version: handedOver.version },
    });
    expect(outcome.status).toBe(200);
    expect(await outcome.json()).toMatchObject({ status: "closed", outcome: "advocate_outcome" });
    // Someone else cannot record an outcome: the director held it before (403), the parent may not (403).
    expect((await act("parent", await getConcern(handed), "record_outcome", "x")).status).toBe(403);
  });
});
