import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clock } from "@fidelio/core/clock";
import { getItem, keys, queryAll } from "@fidelio/core/dynamo";
import { call, signIn } from "../support/api";
import { emailsTo } from "../support/mail";
import { childOf, email, fileConcern, getConcern, runnerPerTest, token, waiting, type ConcernView, type Who } from "./helpers";

/** Conversations on the record: a recap to each other participant in their language, and "not what we agreed" within 5 school days. */
// A Wednesday; five school days on is the next Wednesday, 2026-12-16, at the end of its school day (no closure between).
const loggedAt = "2026-12-09T18:00:00Z";
clock.set(loggedAt);
const startRunner = runnerPerTest();

type Event = ConcernView["timeline"][number] & {
  conversation?: { on: string; mode: string; with: Array<{ id: string; name: string }>; disputeBy: string };
  recapOf?: number;
};
type View = Omit<ConcernView, "timeline"> & { timeline: Event[]; error?: string };

// Sessions end in business time: after the clock moves on a week, people sign in again.
const renewed = new Map<Who, string>();
const tokenOf = async (who: Who) => renewed.get(who) ?? (await token(who));
const signInAgain = async (...people: Who[]) => {
  for (const who of people) renewed.set(who, await signIn(email(who)));
};

async function act(who: Who, concern: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await call(`/api/concerns/${concern.id}/actions`, { token: await tokenOf(who), body: { version: concern.version, ...body } });
  return { status: res.status, body: (await res.json()) as View };
}
async function drained() {
  for (let i = 0; (await queryAll(keys.outboxOpenAll())).length > 0; i++) {
    if (i > 400) throw new Error("The outbox never drained");
    await new Promise((r) => setTimeout(r, 25));
  }
}

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  expect((await call("/api/me", { method: "PUT", token: await token("parent"), body: { language: "es" } })).status).toBe(200);
});
afterAll(async () => {
  await call("/api/me", { method: "PUT", token: await token("parent"), body: { language: "en" } });
  clock.reset();
});

describe("a conversation on the record", () => {
  it("is logged by anyone on the concern, recapped to the others in their language, answered within 5 school days and not after", async () => {
    await startRunner({ timeScale: 1 });
    const { body: filed } = await fileConcern(sofia);
    const open = await waiting(filed.id);
    const talk = { text: "We agreed Sofia gets extended time on every math quiz from Monday.", conversation: { on: "2026-12-09", mode: "phone" } };

    // Bad input changes nothing: no details, a stranger named, details on another action.
    expect((await act("teacher", open, { action: "log_conversation", text: talk.text })).status).toBe(400);
    const stranger = await act("teacher", open, { action: "log_conversation", ...talk, conversation: { ...talk.conversation, with: ["usr_nobody"] } });
    expect([stranger.status, stranger.body.error]).toEqual([422, "not_on_concern"]);
    expect((await act("teacher", open, { action: "resolve", text: "Done", conversation: talk.conversation })).status).toBe(400);
    // The director can see the concern but is not on it.
    expect((await act("director", open, { action: "log_conversation", ...talk })).status).toBe(403);
    expect((await getConcern(open.id)).version).toBe(open.version);

    const first = await act("teacher", open, { action: "log_conversation", ...talk });
    expect(first.status).toBe(200);
    const logged = first.body.timeline.at(-1)!;
    expect(logged.type).toBe("conversation_logged");
    expect(logged.conversation?.with.map((p) => p.name).sort()).toEqual(["Maria Alvarez", "Rosa Martinez"]);
    expect(logged.conversation?.disputeBy).toBe("2026-12-17T07:59:59.000Z");
    // The concern stays where it was, and its wait keeps its token: the deadline still runs.
    expect([first.body.status, first.body.level, first.body.dueAt]).toEqual([open.status, open.level, open.dueAt]);
    expect((await getItem<{ taskToken?: string }>(keys.concern(open.id), true))?.taskToken).toBeDefined();

    const second = await act("teacher", first.body, {
      action: "log_conversation",
      text: "Follow-up: the substitute has the plan.",
      conversation: { on: "2026-12-09", mode: "in_person" },
    });
    expect(second.status).toBe(200);

    await drained();
    const recaps = (await emailsTo(email("parent"))).filter((m) => m.body.text?.includes(`/concerns/${open.id}?recap=`));
    expect(recaps).toHaveLength(2);
    // The two recaps leave in one delivery round, in either order: the first conversation's is the one linking to it.
    const recap = recaps.find((m) => m.body.text?.includes(`?recap=${logged.seq}`));
    expect(recap?.subject).toBe("Resumen de su conversación sobre Sofia Martinez");
    expect(recap!.body.text).toContain("Maria Alvarez dejó constancia de una conversación");
    expect(recap!.body.text).toContain("por teléfono, el 2026-12-09");
    expect(recap!.body.text).toContain(`Lo que se dijo y se acordó: ${talk.text}`);
    expect(recap!.body.text).toContain(`?recap=${logged.seq}`);
    // The person who logged it gets no recap of their own words.
    expect((await emailsTo(email("teacher"))).filter((m) => m.body.text?.includes("?recap=")).length).toBe(0);

    // The Tuesday after, within the window: the parent says the first recap is not what was agreed; it is logged.
    clock.set("2026-12-16T20:00:00Z");
    await signInAgain("parent", "teacher");
    const before = (await (await call(`/api/concerns/${open.id}`, { token: await tokenOf("parent") })).json()) as View;
    expect((await act("teacher", before, { action: "dispute_recap", recapOf: logged.seq })).status).toBe(403);
    const answered = await act("parent", before, { action: "dispute_recap", recapOf: logged.seq, text: "We agreed on every test, not only quizzes." });
    expect(answered.status).toBe(200);
    expect(answered.body.timeline.at(-1)).toMatchObject({ type: "recap_disputed", recapOf: logged.seq, text: "We agreed on every test, not only quizzes." });
    await drained();
    expect((await emailsTo(email("teacher"))).some((m) => m.body.text?.includes("We agreed on every test"))).toBe(true);

    // The Thursday after: the window has closed.
    clock.set("2026-12-17T18:00:00Z");
    await signInAgain("parent");
    const late = await act("parent", answered.body, { action: "dispute_recap", recapOf: second.body.timeline.at(-1)!.seq });
    expect([late.status, late.body.error]).toEqual([409, "recap_window_closed"]);

    // All on the hash chain, and in the packet.
    const verify = (await (await call(`/api/concerns/${open.id}/verify`, { token: await tokenOf("parent") })).json()) as { valid: boolean };
    expect(verify.valid).toBe(true);
    const packet = await (await call(`/api/concerns/${open.id}/packet?lang=en`, { token: await tokenOf("parent") })).text();
    expect(packet).toContain("A conversation was put on the record");
    expect(packet).toContain(talk.text);
    expect(packet).toContain("Said a conversation&#39;s recap is not what was agreed");
  });
});
