import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys, queryAll, transact } from "@fidelio/core/dynamo";
import { Outbox } from "@fidelio/core/outbox";
import { Student } from "@fidelio/core/student";
import { call } from "../support/api";
import { startWorkflowRunner } from "../support/workflow";
import { act, childOf, fileConcern, getConcern, token, until, waiting, type Who } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => runner?.stop());

let sofia: Awaited<ReturnType<typeof childOf>>;
let id: string;
const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" 'too'`;

async function packet(who: Who, concernId = id) {
  const res = await call(`/api/concerns/${concernId}/packet`, { token: await token(who) });
  return { status: res.status, type: res.headers.get("content-type") ?? "", csp: res.headers.get("content-security-policy") ?? "", html: await res.text() };
}

/** Waits until the outbox holds nothing unsettled (every recap delivered or given up). */
async function drained() {
  for (let i = 0; (await queryAll(keys.outboxOpenAll())).length > 0; i++) {
    if (i > 400) throw new Error("The outbox never drained");
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  runner = await startWorkflowRunner({ timeScale: 1 });
  id = (await fileConcern({ ...sofia, happenedOn: "2026-11-30", description: hostile, desiredResolution: "Give the </td></table> time" })).body.id;
  await waiting(id);
  expect((await act("teacher", id, "resolve", "Extended time on every test now & always <b>bold</b>")).status).toBe(200);
  await drained();
});

describe("GET /api/concerns/:id/packet", () => {
  it("is printable HTML with the concern, the IEP items in effect, the timeline and its chain head, the emails and the audit trail", async () => {
    const { status, type, csp, html } = await packet("parent");
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    expect(csp).toContain("default-src 'none'");
    expect(html).toContain("@media print");
    expect(html).toContain("Sofia");
    const record = (await Student.load(sofia.studentId))!;
    const accommodation = record.ieps.flatMap((v) => v.accommodations).find((a) => a.id === sofia.itemIds[0])!;
    expect(html).toContain(`Accommodation: ${accommodation.text}`.replace(/&/g, "&#38;"));
    expect(html).toContain("2026-11-30");
    const verify = (await (await call(`/api/concerns/${id}/verify`, { token: await token("parent") })).json()) as { valid: boolean; head: string };
    expect(verify.valid).toBe(true);
    expect(html).toContain(`<code id="chain-head">${verify.head}</code>`);
    expect(html).toContain('<strong id="chain-valid">intact</strong>');
    for (const event of (await getConcern(id)).timeline) expect(html).toContain(event.hash);
    // Every email queued for the concern, with its delivery.
    const mails = await queryAll(keys.concernEmails(id));
    expect(mails.length).toBeGreaterThanOrEqual(3);
    for (const mail of mails) expect(html).toContain(String(mail.subject).replace(/&/g, "&#38;"));
    expect(html).toContain("delivered");
    // The audit trail includes the filing, the resolution and this very reading.
    for (const action of ["concern.file", "concern.resolve", "concern.packet"]) expect(html).toContain(`<td>${action}</td>`);
  });

  it("escapes everything: no script, no markup from what people typed", async () => {
    const { html } = await packet("director");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("<b>bold</b>");
    expect(html).not.toContain("</td></table> time");
    expect(html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
    expect(html).toContain("&#60;b&#62;bold&#60;/b&#62;");
  });

  it("is for the parent, the staff it was assigned to and the director; everyone else gets 404", async () => {
    for (const who of ["parent", "teacher", "director"] as const) expect((await packet(who)).status).toBe(200);
    // The case manager sees the concern (caseload) but was never assigned it.
    for (const who of ["casemanager", "parent2", "teacher2", "advocate", "admin"] as const) expect((await packet(who)).status).toBe(404);
    expect((await packet("director", "con_01aaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(404);
  });

  it("records each reading in the student's audit trail", async () => {
    const before = (await packet("director")).html.split("<td>concern.packet</td>").length;
    const after = (await packet("director")).html.split("<td>concern.packet</td>").length;
    expect(after).toBe(before + 1);
  });
});

describe("an email that cannot be delivered", () => {
  it("shows on the concern's timeline and in the packet, once", async () => {
    // SES refuses a message without a subject for good: the sender gives up at once.
    const op = Outbox.email({ to: "parent@demo.fidelio.test", subject: "", text: "x", html: "<p>x</p>" }, { concernId: id });
    const { id: outboxId, createdAt } = op.put as { id: string; createdAt: string };
    await transact([op, { put: { ...keys.concernEmail(id, createdAt, outboxId), type: "concern-email", outboxId, createdAt, toName: "Rosa Martinez", to: "parent@demo.fidelio.test", role: "parent", subject: "(no subject)", text: "x" } }]);
    const concern = await until(id, (c) => c.timeline.some((e) => e.type === "email_undelivered"));
    const events = concern.timeline.filter((e) => e.type === "email_undelivered");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: { kind: "system" }, note: "An email to Rosa Martinez (parent) could not be delivered." });
    const verify = (await (await call(`/api/concerns/${id}/verify`, { token: await token("parent") })).json()) as { valid: boolean };
    expect(verify.valid).toBe(true);
    // The concern did not move: still waiting on the parent's confirmation, answerable.
    expect(concern.status).toBe("awaiting_confirmation");
    expect((await packet("parent")).html).toMatch(/<td>failed<\/td>/);
  });
});
