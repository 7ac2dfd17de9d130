import { createHash } from "node:crypto";
import type { AuditEntry } from "../audit";
import { escapeHtml, localeOf } from "../email/body";
import { appLink } from "../email/link";
import { zoneName } from "../words/time";
import type { AccommodationAnswer, FidelityForm, ServiceAnswer } from "../fidelity/schema";
import { weekStart } from "../fidelity/week";
import { notesOf, say, sayCoded, sayStored, type MessageCode } from "../messages";
import type { Language } from "../user/schema";
import { describeEvent } from "./describe";
import { conversationDetails, noticesHtml } from "./packet-notices";
import { concernLabel, subjectOf } from "./naming";
import type { EmailRecord, IepItemText, IepOnDates } from "./packet";
import type { Concern } from "./schema";
import type { TimelineEvent } from "./timeline";

export interface PacketFidelity {
  from: string;
  to: string;
  answers: Array<{ form: FidelityForm; support: string; accommodation?: AccommodationAnswer; service?: ServiceAnswer }>;
  services: Array<{ name: string; required: number; delivered: number; owed: number }>;
  /** Make-up plans for the supports named: planned, given and remaining (fidelity/compensatory.ts). */
  makeUpPlans?: Array<{ serviceName: string; minutes: number; dueOn: string; delivered: number; remaining: number }>;
}

export interface PacketData {
  lang: Language;
  concern: Concern;
  events: TimelineEvent[];
  chain: { valid: boolean; brokenAt?: number };
  ieps: IepOnDates[];
  fidelity: PacketFidelity;
  emails: EmailRecord[];
  audit: AuditEntry[];
  districtName: string;
  timeZone: string;
  printedFor: string;
  printedAt: string;
}

/** How many characters of a hash the tables show; the appendix prints each in full. */
const SHORT_HASH = 12;

/** A catalog text as CSS `content` (the page counter's words): its `{page}` and `{pages}` become counters. */
const cssContent = (text: string) =>
  text
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => (part === "{page}" ? "counter(page)" : part === "{pages}" ? "counter(pages)" : `"${part.replace(/[\\"]/g, (c) => `\\${c}`)}"`))
    .join(" ");

// Print-first: black on white, tables that break between rows, short hashes in the tables and the
// full chain in an appendix. The paper is the printer's (Letter or A4): margins and widths fit both.
export const css = (lang: Language) => `
body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#000;background:#fff;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:18pt;margin:0 0 .25rem}h2{font-size:13pt;margin:1.5rem 0 .5rem;border-bottom:1px solid #000}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.25rem .4rem;text-align:left;vertical-align:top}
thead{display:table-header-group}tr{break-inside:avoid}code,.hash{font-family:ui-monospace,monospace;font-size:8.5pt;overflow-wrap:anywhere}
td.hash{white-space:nowrap}.chain td{overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;white-space:pre-wrap}
.mail{white-space:pre-wrap;font-size:9.5pt}.muted{color:#444}.num{text-align:right}
@page{size:auto;margin:16mm 14mm 18mm;@bottom-right{content:${cssContent(say(lang, "packet.page"))};font:9pt system-ui,sans-serif}}
@media print{body{margin:0;max-width:none;padding:0}h2{break-after:avoid}a{color:#000;text-decoration:none}.appendix{break-before:page}}
`;

export function renderPacket(d: PacketData): { html: string; styleHash: string } {
  const { lang } = d;
  const e = escapeHtml;
  const s = (code: MessageCode, params?: Record<string, string | number>) => e(say(lang, code, params));
  const stored = (prefix: string, code: string) => e(sayStored(lang, prefix, code) ?? code.replaceAll("_", " "));
  const locale = localeOf(lang);
  const when = (iso: string | undefined | null) =>
    iso
      ? `<time datetime="${e(iso)}">${e(new Date(iso).toLocaleString(locale, { timeZone: d.timeZone, dateStyle: "medium", timeStyle: "short" }))}</time>`
      : "—";
  const whenText = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: d.timeZone, dateStyle: "medium", timeStyle: "short" });
  const c = d.concern;
  const link = appLink(`/concerns/${c.id}`);
  const facts: Array<[string, string]> = [
    [s("packet.reference"), e(c.reference ?? c.id)],
    [s("packet.subject"), e(subjectOf(c))],
    [s("packet.link"), `<a href="${e(link)}">${e(link)}</a>`],
    [s("packet.student"), e(c.studentName)],
    [s("packet.school"), e(c.schoolName ?? "")],
    [s("packet.district"), e(d.districtName)],
    [s("packet.class"), c.className ? e(c.className) : s("packet.noClass")],
    [s("packet.filedBy"), s("packet.filedByValue", { name: c.parent.name, when: whenText(c.createdAt) })],
    [s("packet.happenedOn"), c.happenedOn ? e(c.happenedOn) : s("packet.notGiven")],
    [s("packet.description"), e(c.description)],
    [s("packet.desiredResolution"), c.desiredResolution ? e(c.desiredResolution) : s("packet.notGiven")],
    [s("packet.status"), c.status === "closed" && c.outcome ? s(`outcome.${c.outcome}`) : s(`status.${c.status}`)],
    [s("packet.level"), s(`levelName.${c.level}`)],
    [s("packet.with"), c.assignee ? e(c.assignee.name) : s("packet.nobody")],
    [s("packet.due"), when(c.dueAt)],
    [s("packet.missed"), e(c.missedDeadlines ?? 0)],
  ];
  const itemText = (i: IepItemText) =>
    i.kind === "missing"
      ? s("packet.notInVersion", { id: i.id })
      : i.kind === "service"
        ? s("packet.service", { name: i.name, minutes: i.minutes, provider: i.provider })
        : s(`packet.${i.kind}`, { text: i.text });
  const ieps = d.ieps
    .map(
      (g) =>
        `<tr><td>${g.version ? s("packet.version", { version: g.version.version, date: g.version.effectiveFrom }) : s("packet.noIep")}</td><td>${g.dates.map(e).join(", ")}</td><td><ul>${g.items.map((i) => `<li>${itemText(i)}</li>`).join("")}</ul></td></tr>`,
    )
    .join("");

  const answer = (a: PacketFidelity["answers"][number]) => {
    if (a.accommodation) return { text: s(`acc.${a.accommodation.status}`), note: e(a.accommodation.note ?? "") };
    const sessions = a.service?.sessions ?? [];
    if (sessions.length === 0) return { text: s("packet.noAnswer"), note: "" };
    const lines = sessions.map((x) =>
      "minutes" in x
        ? s("packet.session", { date: x.date, minutes: x.minutes })
        : s("packet.sessionMissed", { date: x.date, reason: say(lang, `why.${x.missed}`) }),
    );
    const notes = sessions.flatMap((x) => ("note" in x && x.note ? [`${e(x.date)}: ${e(x.note)}`] : []));
    return { text: lines.map((l) => `<div>${l}</div>`).join(""), note: notes.map((n) => `<div>${n}</div>`).join("") };
  };
  const fidelityRows = d.fidelity.answers
    .map((a) => {
      const { text, note } = answer(a);
      return `<tr><td>${e(weekStart(a.form.week))}</td><td>${e(a.form.staffName)}</td><td>${e(a.support)}</td><td>${text}</td><td>${note}</td><td>${s(`status.${a.form.status}`)}</td></tr>`;
    })
    .join("");
  const minutes = d.fidelity.services
    .map((m) => `<tr><td>${e(m.name)}</td><td class="num">${e(m.required)}</td><td class="num">${e(m.delivered)}</td><td class="num">${e(m.owed)}</td></tr>`)
    .join("");

  const who = (actor: TimelineEvent["actor"]) =>
    actor.kind === "user" ? e(actor.name) : s("packet.fidelio", { reason: sayStored(lang, "system", actor.reason) ?? actor.reason });
  const timeline = d.events
    .map((ev) => {
      const detail = [
        ev.level && `${s("packet.level")}: ${stored("levelName", ev.level)}`,
        ev.assignee && `${s("packet.with")}: ${e(ev.assignee.name)}`,
        ev.status && `${s("packet.status")}: ${ev.status === "closed" && ev.outcome ? stored("outcome", ev.outcome) : stored("status", ev.status)}`,
        ev.text && e(ev.text),
        ...conversationDetails(lang, ev, whenText).map(e),
        ...notesOf(ev).map((n) => e(sayCoded(lang, n))),
      ].filter(Boolean);
      const what = e(describeEvent(lang, ev, whenText));
      return `<tr><td>${e(ev.seq)}</td><td>${when(ev.at)}</td><td>${what}</td><td>${who(ev.actor)}</td><td>${detail.map((x) => `<div>${x}</div>`).join("")}</td><td class="hash"><code>${e(ev.hash.slice(0, SHORT_HASH))}</code></td></tr>`;
    })
    .join("");
  const chain = d.events.map((ev) => `<tr><td>${e(ev.seq)}</td><td><code>${e(ev.prevHash)}</code></td><td><code>${e(ev.hash)}</code></td></tr>`).join("");
  const emails = d.emails
    .map(
      (m) =>
        `<tr><td>${when(m.createdAt)}</td><td>${e(m.toName)} &lt;${e(m.to)}&gt; (${s(m.role === "parent" ? "packet.toParent" : "packet.toStaff")})</td><td>${stored("delivery", m.status)}</td><td><strong>${e(m.subject)}</strong><div class="mail">${e(m.text)}</div></td></tr>`,
    )
    .join("");
  const audit = d.audit
    .map(
      (a) =>
        `<tr><td>${when(a.at)}</td><td>${a.systemReason ? s("packet.fidelio", { reason: sayStored(lang, "system", a.systemReason) ?? a.systemReason }) : e(a.actorName)}${a.actorRoles.length ? `<div class="muted">${a.actorRoles.map((r) => stored("role", r)).join(", ")}</div>` : ""}</td><td>${stored("action", a.action)}</td><td>${stored("reason", a.reason)}</td></tr>`,
    )
    .join("");
  const state = d.chain.valid ? say(lang, "packet.chainIntact") : say(lang, "packet.chainBroken", { n: d.chain.brokenAt ?? 0 });
  const head = s("packet.chainHead", { hash: "\u0000", count: c.head.seq, state: "\u0001" })
    .replace("\u0000", `<code id="chain-head">${e(c.head.hash)}</code>`)
    .replace("\u0001", `<strong id="chain-valid">${e(state)}</strong>`);
  const style = css(lang);
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${s("packet.documentTitle", { id: concernLabel(c) })}</title><style>${style}</style></head>
<body><main>
<h1>${s("packet.title")}</h1>
<p id="concern-label"><strong>${e(concernLabel(c))}</strong> · ${e(c.studentName)}</p>
<p class="muted">${s("packet.printedFor", { name: d.printedFor, when: whenText(d.printedAt), zone: zoneName(locale, d.timeZone, d.printedAt) })}</p>
<h2>${s("packet.concern")}</h2><dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>
${noticesHtml(lang, d.events, whenText)}
<h2>${s("packet.ieps")}</h2>
<table><thead><tr><th>${s("packet.iepVersion")}</th><th>${s("packet.inEffectOn")}</th><th>${s("packet.supportsNamed")}</th></tr></thead><tbody>${ieps}</tbody></table>
<h2>${s("packet.fidelity")}</h2>
<p>${s("packet.fidelityIntro", { from: weekStart(d.fidelity.from), to: weekStart(d.fidelity.to) })}</p>
${fidelityRows ? `<table id="fidelity"><thead><tr><th>${s("packet.week")}</th><th>${s("packet.staff")}</th><th>${s("packet.support")}</th><th>${s("packet.answer")}</th><th>${s("packet.note")}</th><th>${s("packet.formState")}</th></tr></thead><tbody>${fidelityRows}</tbody></table>` : `<p>${s("packet.noAnswers")}</p>`}
<h3>${s("packet.minutes")}</h3>
${minutes ? `<p>${s("packet.minutesIntro", { to: weekStart(d.fidelity.to) })}</p><table id="minutes"><thead><tr><th>${s("packet.support")}</th><th>${s("packet.required")}</th><th>${s("packet.delivered")}</th><th>${s("packet.owed")}</th></tr></thead><tbody>${minutes}</tbody></table>` : `<p>${s("packet.noServices")}</p>`}
<h2>${s("packet.timeline")}</h2>
<p>${head}</p>
<table><thead><tr><th>${s("packet.seq")}</th><th>${s("packet.when")}</th><th>${s("packet.what")}</th><th>${s("packet.who")}</th><th>${s("packet.details")}</th><th>${s("packet.hash")}</th></tr></thead><tbody>${timeline}</tbody></table>
<h2>${s("packet.emails")}</h2>
${emails ? `<table><thead><tr><th>${s("packet.queued")}</th><th>${s("packet.to")}</th><th>${s("packet.delivery")}</th><th>${s("packet.message")}</th></tr></thead><tbody>${emails}</tbody></table>` : `<p>${s("packet.none")}</p>`}
<h2>${s("packet.audit")}</h2>
<table><thead><tr><th>${s("packet.when")}</th><th>${s("packet.who")}</th><th>${s("packet.action")}</th><th>${s("packet.why")}</th></tr></thead><tbody>${audit}</tbody></table>
<section class="appendix"><h2>${s("packet.appendix")}</h2>
<p>${s("packet.appendixIntro")}</p>
<table class="chain"><thead><tr><th>${s("packet.seq")}</th><th>${s("packet.previousHash")}</th><th>${s("packet.fullHash")}</th></tr></thead><tbody>${chain}</tbody></table></section>
</main></body></html>`;
  return { html, styleHash: createHash("sha256").update(style).digest("base64") };
}
