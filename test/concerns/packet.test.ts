import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys, queryAll, transact } from "@fidelio/core/dynamo";
import { Outbox } from "@fidelio/core/outbox";
import { Student } from "@fidelio/core/student";
import { Iep } from "@fidelio/core/iep";
import { say } from "@fidelio/core/messages";
import { Config } from "@fidelio/core/config";
import { addWeeks as addWeeksTo, weekDays, weekStart } from "@fidelio/core/fidelity";
import { createHash } from "node:crypto";
import { currentWeek, formsOf } from "../fidelity/helpers";
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

/** A catalog text as the packet's HTML escapes it. */
const escaped = (text: string) => text.replace(/&/g, "&#38;").replace(/'/g, "&#39;");

async function packet(who: Who, concernId = id, query = "") {
  const res = await call(`/api/concerns/${concernId}/packet${query}`, { token: await token(who) });
  return { status: res.status, type: res.headers.get("content-type") ?? "", csp: res.headers.get("content-security-policy") ?? "", html: await res.text() };
}

/** Waits until the outbox holds nothing unsettled (every recap delivered or given up). */
async function drained() {
  for (let i = 0; (await queryAll(keys.outboxOpenAll())).length > 0; i++) {
    if (i > 400) throw new Error("The outbox never drained");
    await new Promise((r) => setTimeout(r, 25));
  }
}

let service: { id: string; name: string };
const teacherNote = "No extended time on Tuesday's quiz: the substitute did not know.";
const sessionNote = "Speech room was used for testing.";

/** The week's fidelity answers, through the API: the teacher on the named accommodation, the case manager on a service. */
async function recordWeek(week: string) {
  const [teacherForm] = (await formsOf(await token("teacher"), week)).filter((f) => f.studentId === sofia.studentId);
  const [cmForm] = (await formsOf(await token("casemanager"), week)).filter((f) => f.studentId === sofia.studentId);
  const monday = weekDays(week)[0]!;
  const put = async (who: Who, formId: string, body: Record<string, unknown>) => {
    const res = await call(`/api/fidelity/forms/${formId}`, {
      method: "PUT",
      token: await token(who),
      body: { version: 0, accommodations: [], services: [], ...body },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  await put("teacher", teacherForm!.id, { accommodations: [{ itemId: sofia.itemIds[0], status: "not_provided", note: teacherNote }] });
  await put("casemanager", cmForm!.id, {
    services: [
      {
        serviceId: service.id,
        sessions: [
          { date: monday, minutes: 25 },
          { date: monday, missed: "schedule_conflict", note: sessionNote },
        ],
      },
    ],
  });
}

beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  const record = (await Student.load(sofia.studentId))!;
  service = Iep.inEffect(record.ieps, new Date().toISOString().slice(0, 10))!.services[0]!;
  runner = await startWorkflowRunner({ timeScale: 1 });
  id = (
    await fileConcern({
      ...sofia,
      itemIds: [...sofia.itemIds, service.id],
      happenedOn: "2026-11-30",
      description: hostile,
      desiredResolution: "Give the </td></table> time",
    })
  ).body.id;
  await recordWeek(await currentWeek());
  const open = await waiting(id);
  expect((await act("teacher", open, "resolve", "Extended time on every test now & always <b>bold</b>")).status).toBe(200);
  await drained();
});

describe("GET /api/concerns/:id/packet", () => {
  it("is printable HTML with the concern, the IEP items in effect, the timeline and its chain head, the emails and the audit trail", async () => {
    const { status, type, csp, html } = await packet("parent");
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    expect(csp).toContain("default-src 'none'");
    // Its own stylesheet is allowed by its hash, and nothing else inline.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(csp).not.toContain("unsafe-inline");
    expect(html).toContain("@media print");
    // Page numbers on every printed page (Letter or A4: the printer's paper, margins that fit both).
    expect(style).toMatch(/@page\{size:auto;[^}]*@bottom-right\{content:"Page " counter\(page\) " of " counter\(pages\)/);
    // An absolute link to the concern, from the configured public URL.
    expect(html).toContain(`href="${Config.appUrl()}/concerns/${id}"`);
    expect(html).toContain("Sofia");
    const record = (await Student.load(sofia.studentId))!;
    const accommodation = record.ieps.flatMap((v) => v.accommodations).find((a) => a.id === sofia.itemIds[0])!;
    expect(html).toContain(`Accommodation: ${accommodation.text}`.replace(/&/g, "&#38;"));
    expect(html).toContain("2026-11-30");
    const verify = (await (await call(`/api/concerns/${id}/verify`, { token: await token("parent") })).json()) as { valid: boolean; head: string };
    expect(verify.valid).toBe(true);
    expect(html).toContain(`<code id="chain-head">${verify.head}</code>`);
    expect(html).toContain('<strong id="chain-valid">intact</strong>');
    // Each event's short hash in the table; the whole chain, hash by hash, in the appendix.
    const [, table] = /<h2>Timeline<\/h2>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)!;
    const [, appendix] = /<section class="appendix">([\s\S]*)$/.exec(html)!;
    for (const event of (await getConcern(id)).timeline) {
      expect(table).toContain(`<td class="hash"><code>${event.hash.slice(0, 12)}</code></td>`);
      expect(table).not.toContain(event.hash);
      expect(appendix).toContain(`<code>${event.hash}</code>`);
    }
    // Every email queued for the concern, with its delivery.
    const mails = await queryAll(keys.concernEmails(id));
    expect(mails.length).toBeGreaterThanOrEqual(3);
    for (const mail of mails) expect(html).toContain(String(mail.subject).replace(/&/g, "&#38;"));
    expect(html).toContain(`<td>${say("en", "delivery.delivered")}</td>`);
    // The audit trail includes the filing, the resolution and this very reading, in words.
    for (const action of ["concern.file", "concern.resolve", "concern.packet"] as const)
      expect(html).toContain(`<td>${escaped(say("en", `action.${action}`))}</td>`);
  });

  it("shows no raw code anywhere: statuses, levels, actions, reasons and roles are words", async () => {
    const { html } = await packet("parent");
    const text = html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ");
    expect(text).not.toMatch(
      /\b(awaiting_confirmation|with_advocate|case_manager|assigned_concern|concern\.(file|resolve|packet|assign)|info_requested|resolved_unconfirmed)\b/,
    );
    expect(text).not.toMatch(/Status (open|closed|with_advocate)|concern\.file guardian/);
    expect(text).toContain(say("en", "reason.guardian"));
    expect(text).toContain(say("en", "status.awaiting_confirmation"));
  });

  it("is in the reader's language: Spanish when asked for", async () => {
    const { status, html } = await packet("parent", id, "?lang=es");
    expect(status).toBe(200);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Expediente de pruebas");
    expect(html).toContain(`<td>${escaped(say("es", "action.concern.file"))}</td>`);
    expect(html).toContain('content:"Página " counter(page) " de " counter(pages)');
    expect((await packet("parent", id, "?lang=fr")).status).toBe(400);
  });

  it("holds every weekly answer about the supports it names, notes included, and each named service's minutes", async () => {
    const { html } = await packet("director");
    const [, fidelity] = /<table id="fidelity">([\s\S]*?)<\/table>/.exec(html)!;
    const week = await currentWeek();
    expect(fidelity).toContain(`<td>${weekStart(week)}</td><td>Maria Alvarez</td>`);
    expect(fidelity).toContain(`<td>${say("en", "acc.not_provided")}</td><td>${escaped(teacherNote)}</td>`);
    expect(fidelity).toContain(say("en", "packet.session", { date: weekDays(week)[0]!, minutes: 25 }));
    expect(fidelity).toContain(say("en", "packet.sessionMissed", { date: weekDays(week)[0]!, reason: say("en", "why.schedule_conflict") }));
    expect(fidelity).toContain(sessionNote);
    // From four weeks before the week the concern was filed.
    expect(html).toContain(say("en", "packet.fidelityIntro", { from: weekStart(addWeeksTo(week, -4)), to: weekStart(week) }));
    const [, minutes] = /<table id="minutes">([\s\S]*?)<\/table>/.exec(html)!;
    const row = new RegExp(`<td>${service.name}</td><td class="num">(\\d+)</td><td class="num">(\\d+)</td><td class="num">(\\d+)</td>`).exec(minutes ?? "")!;
    const [required, delivered, owed] = row.slice(1).map(Number) as [number, number, number];
    // The case manager's 25 minutes this week are counted; the week owes what was not delivered.
    expect(delivered).toBeGreaterThanOrEqual(25);
    expect(required).toBeGreaterThan(0);
    expect(owed).toBeLessThanOrEqual(required);
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
    const cell = `<td>${escaped(say("en", "action.concern.packet"))}</td>`;
    const before = (await packet("director")).html.split(cell).length;
    const after = (await packet("director")).html.split(cell).length;
    expect(after).toBe(before + 1);
  });
});

describe("an email that cannot be delivered", () => {
  it("shows on the concern's timeline and in the packet, once", async () => {
    // SES refuses a message without a subject for good: the sender gives up at once.
    const op = Outbox.email({ to: "parent@demo.fidelio.test", subject: "", text: "x", html: "<p>x</p>" }, { concernId: id });
    const { id: outboxId, createdAt } = op.put as { id: string; createdAt: string };
    await transact([
      op,
      {
        put: {
          ...keys.concernEmail(id, createdAt, outboxId),
          type: "concern-email",
          outboxId,
          createdAt,
          toName: "Rosa Martinez",
          to: "parent@demo.fidelio.test",
          role: "parent",
          subject: "(no subject)",
          text: "x",
        },
      },
    ]);
    const concern = await until(id, (c) => c.timeline.some((e) => e.type === "email_undelivered"));
    const events = concern.timeline.filter((e) => e.type === "email_undelivered");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: { kind: "system" }, notes: [{ code: "note.email_undelivered_parent", params: { name: "Rosa Martinez" } }] });
    const verify = (await (await call(`/api/concerns/${id}/verify`, { token: await token("parent") })).json()) as { valid: boolean };
    expect(verify.valid).toBe(true);
    // The concern did not move: still waiting on the parent's confirmation, answerable.
    expect(concern.status).toBe("awaiting_confirmation");
    const html = (await packet("parent")).html;
    expect(html).toContain(`<td>${say("en", "delivery.failed")}</td>`);
    expect(html).toContain(escaped(say("en", "note.email_undelivered_parent", { name: "Rosa Martinez" })));
  });
});
