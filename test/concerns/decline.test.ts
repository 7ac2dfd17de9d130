import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { call } from "../support/api";
import { emailsTo } from "../support/mail";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { childOf, email, fileConcern, getConcern, runnerPerTest, token, until, waiting, type ConcernView } from "./helpers";

/** Declining what a concern asks for: the prior written notice, required whole, emailed, chained, printed, answered. */
pinClock(ordinarySchoolDay);
const startRunner = runnerPerTest();

const notice = {
  actionRefused: "A one-to-one aide in math class",
  reasons: "Extended time and a reader already let Sofia finish her tests.",
  optionsConsidered: "A shared aide: rejected, the schedule does not allow it.",
  basis: "The October progress report and the teacher's weekly records.",
  otherFactors: "None.",
};

type Declined = Omit<ConcernView, "timeline"> & { timeline: Array<ConcernView["timeline"][number] & { notice?: Record<string, string> }> };

async function decline(concern: { id: string; version: number }, body: Record<string, unknown>, who: "teacher" | "parent" = "teacher") {
  const res = await call(`/api/concerns/${concern.id}/actions`, { token: await token(who), body: { action: "decline", version: concern.version, ...body } });
  return { status: res.status, body: (await res.json()) as Declined & { error?: string; message?: string; errors?: Array<{ field: string; code: string }> } };
}
const answer = async (concern: { id: string; version: number }, action: string, text?: string) =>
  (await call(`/api/concerns/${concern.id}/actions`, { token: await token("parent"), body: { action, version: concern.version, ...(text && { text }) } }))
    .status;

/** Waits until the outbox holds nothing unsettled. */
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
});

describe("declining a concern's request", () => {
  it("needs every part of the prior written notice: 422 naming each one missing, and nothing changes", async () => {
    await startRunner({ timeScale: 1 });
    const { body: filed } = await fileConcern({ ...sofia, desiredResolution: "A one-to-one aide in math." });
    const open = await waiting(filed.id);

    const bare = await decline(open, {});
    expect(bare.status).toBe(422);
    expect(bare.body.error).toBe("notice_incomplete");
    expect(bare.body.errors?.map((p) => p.field)).toEqual([
      "notice.actionRefused",
      "notice.reasons",
      "notice.optionsConsidered",
      "notice.basis",
      "notice.otherFactors",
    ]);
    expect(bare.body.errors?.every((p) => p.code === "required")).toBe(true);

    const partial = await decline(open, { notice: { actionRefused: notice.actionRefused, reasons: "   ", basis: notice.basis } });
    expect(partial.status).toBe(422);
    expect(partial.body.errors?.map((p) => p.field)).toEqual(["notice.reasons", "notice.optionsConsidered", "notice.otherFactors"]);
    expect(partial.body.message).toBe("The prior written notice needs: notice.reasons, notice.optionsConsidered, notice.otherFactors");

    // The parent may not decline; a notice rides on a decline only.
    expect((await decline(open, { notice }, "parent")).status).toBe(403);
    const misplaced = await call(`/api/concerns/${open.id}/actions`, {
      token: await token("teacher"),
      body: { action: "resolve", text: "Done", version: open.version, notice },
    });
    expect(misplaced.status).toBe(400);

    const after = await getConcern(open.id);
    expect([after.version, after.status, after.timeline.length]).toEqual([open.version, "open", open.timeline.length]);
  });

  it("records the notice on the hash-chained timeline, emails it once in the parent's language, prints it in the packet; the parent may dispute it", async () => {
    await startRunner({ timeScale: 1 });
    const { body: filed } = await fileConcern({ ...sofia, desiredResolution: "A one-to-one aide in math." });
    const open = await waiting(filed.id);
    const { status, body } = await decline(open, { notice });
    expect(status).toBe(200);
    expect(body.status).toBe("awaiting_confirmation");
    const event = body.timeline.at(-1)!;
    expect(event.type).toBe("declined");
    expect(event.notice).toEqual(notice);

    // The chain covers the notice.
    const verify = (await (await call(`/api/concerns/${open.id}/verify`, { token: await token("parent") })).json()) as { valid: boolean };
    expect(verify.valid).toBe(true);

    // The parent (Spanish) is asked to accept or dispute it; the parent's page can do both.
    const seen = (await (await call(`/api/concerns/${open.id}`, { token: await token("parent") })).json()) as Declined;
    expect([seen.can.confirm, seen.can.dispute]).toEqual([true, true]);

    await drained();
    const mails = (await emailsTo(email("parent"))).filter(
      (m) => m.body.text?.includes("Aviso previo por escrito") && m.body.text.includes(`/concerns/${open.id}`),
    );
    expect(mails).toHaveLength(1);
    const text = mails[0]!.body.text!;
    expect(text).toContain("La escuela rechazó la solicitud y entregó un aviso por escrito");
    expect(text).toContain(`Lo que la escuela se niega a hacer: ${notice.actionRefused}`);
    expect(text).toContain(`Otras opciones consideradas y por qué se rechazaron: ${notice.optionsConsidered}`);
    expect(text).toContain("Sus garantías procesales y dónde obtener ayuda: Usted tiene protecciones");
    expect(text).toMatch(/Por favor, acéptelo o dispútelo antes del/);
    expect(mails[0]!.subject).toMatch(/^C-\d{4,} · Inquietud sobre Sofia Martinez$/);

    const packet = await (await call(`/api/concerns/${open.id}/packet`, { token: await token("parent") })).text();
    expect(packet).toContain('id="notice-');
    expect(packet).toContain("Aviso previo por escrito");
    expect(packet).toContain(`data-part="reasons">${notice.reasons}</dd>`);
    const english = await (await call(`/api/concerns/${open.id}/packet?lang=en`, { token: await token("director") })).text();
    expect(english).toContain("What the school refuses to do");

    // A dispute climbs, as after a resolution.
    expect(await answer(seen, "dispute", "We still need the aide.")).toBe(200);
    const climbed = await until(open.id, (c) => c.level === "case_manager" && c.status === "open");
    expect(climbed.timeline.map((e) => e.type)).toContain("disputed");
  });

  it("the parent may accept it, and the concern closes", async () => {
    await startRunner({ timeScale: 1 });
    const { body: filed } = await fileConcern(sofia);
    const open = await waiting(filed.id);
    const { body } = await decline(open, { notice: { ...notice, safeguards: "Call the Parent Center at 555-0100." } });
    expect(body.timeline.at(-1)?.notice?.safeguards).toBe("Call the Parent Center at 555-0100.");
    expect(await answer(body, "confirm")).toBe(200);
    const closed = await getConcern(open.id);
    expect(closed.status).toBe("closed");
  });
});
