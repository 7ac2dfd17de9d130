import type { AuditEntry } from "../audit";
import { escapeHtml } from "../email/body";
import type { EmailRecord, IepOnDates } from "./packet";
import type { Concern } from "./schema";
import type { TimelineEvent } from "./timeline";


interface PacketData {
  concern: Concern;
  events: TimelineEvent[];
  chain: { valid: boolean; brokenAt?: number };
  ieps: IepOnDates[];
  emails: EmailRecord[];
  audit: AuditEntry[];
  districtName: string;
  timeZone: string;
  printedFor: string;
  printedAt: string;
}

const levelWords: Record<string, string> = { teacher: "Teacher", case_manager: "Case manager", director: "Special-education director", advocate: "Advocate" };

// Print-first: black on white, no backgrounds, tables that break between rows, hashes that wrap.
const css = `
body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#000;background:#fff;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:18pt;margin:0 0 .25rem}h2{font-size:13pt;margin:1.5rem 0 .5rem;border-bottom:1px solid #000}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.25rem .4rem;text-align:left;vertical-align:top}
tr{break-inside:avoid}code,.hash{font-family:ui-monospace,monospace;font-size:8.5pt;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0;white-space:pre-wrap}
.mail{white-space:pre-wrap;font-size:9.5pt}.muted{color:#444}
@page{margin:1.5cm}@media print{body{margin:0;max-width:none}h2{break-after:avoid}a{color:#000;text-decoration:none}}
`;

export function renderPacket(d: PacketData): string {
  const e = escapeHtml;
  const when = (iso: string | undefined | null) =>
    iso ? `<time datetime="${e(iso)}">${e(new Date(iso).toLocaleString("en-US", { timeZone: d.timeZone, dateStyle: "medium", timeStyle: "short" }))}</time>` : "—";
  const c = d.concern;
  const facts: Array<[string, string]> = [
    ["Reference", e(c.id)],
    ["Student", e(c.studentName)],
    ["School", e(c.schoolName ?? "")],
    ["District", e(d.districtName)],
    ["Class", e(c.className ?? "none named")],
    ["Filed by", `${e(c.parent.name)} (parent), ${when(c.createdAt)}`],
    ["Happened on", e(c.happenedOn ?? "not given")],
    ["What is not happening", e(c.description)],
    ["What would fix it", e(c.desiredResolution ?? "not given")],
    ["Status", e(c.status + (c.outcome ? ` (${c.outcome})` : ""))],
    ["Level", e(levelWords[c.level] ?? c.level)],
    ["With", e(c.assignee?.name ?? "nobody yet")],
    ["Due", when(c.dueAt)],
    ["Deadlines missed", e(c.missedDeadlines ?? 0)],
  ];
  const ieps = d.ieps
    .map(
      (g) => `<tr><td>${g.version ? `Version ${e(g.version.version)}, effective ${e(g.version.effectiveFrom)}` : "No IEP in effect"}</td><td>${g.dates.map(e).join(", ")}</td><td><ul>${g.items
        .map((i) => `<li>${e(i.text)}</li>`)
        .join("")}</ul></td></tr>`,
    )
    .join("");
  const timeline = d.events
    .map((ev) => {
      const who = ev.actor.kind === "user" ? ev.actor.name : `Fidelio (${ev.actor.reason})`;
      const detail = [ev.level && `level: ${levelWords[ev.level] ?? ev.level}`, ev.assignee && `with: ${ev.assignee.name}`, ev.status && `status: ${ev.status}`, ev.outcome && `outcome: ${ev.outcome}`, ev.text, ev.note].filter(Boolean);
      return `<tr><td>${e(ev.seq)}</td><td>${when(ev.at)}</td><td>${e(ev.type)}</td><td>${e(who)}</td><td>${detail.map((x) => `<div>${e(x)}</div>`).join("")}${ev.dueAt ? `<div>due: ${when(ev.dueAt)}</div>` : ""}</td><td class="hash">${e(ev.hash)}</td></tr>`;
    })
    .join("");
  const emails = d.emails
    .map((m) => `<tr><td>${when(m.createdAt)}</td><td>${e(m.toName)} &lt;${e(m.to)}&gt; (${e(m.role)})</td><td>${e(m.status)}</td><td><strong>${e(m.subject)}</strong><div class="mail">${e(m.text)}</div></td></tr>`)
    .join("");
  const audit = d.audit
    .map((a) => `<tr><td>${when(a.at)}</td><td>${e(a.actorName)}${a.systemReason ? ` (${e(a.systemReason)})` : ""}</td><td>${e(a.action)}</td><td>${e(a.reason)}</td></tr>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Evidence packet: concern ${e(c.id)}</title><style>${css}</style></head>
<body><main>
<h1>Evidence packet: implementation concern</h1>
<p class="muted">Printed for ${e(d.printedFor)} on ${when(d.printedAt)}. Times are in ${e(d.timeZone)}.</p>
<h2>The concern</h2><dl>${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join("")}</dl>
<h2>IEP items in effect</h2>
<table><thead><tr><th>IEP version</th><th>In effect on</th><th>Supports named in the concern</th></tr></thead><tbody>${ieps}</tbody></table>
<h2>Timeline</h2>
<p>Hash chain head: <code id="chain-head">${e(c.head.hash)}</code> (${e(c.head.seq)} events). Checked when printed: <strong id="chain-valid">${d.chain.valid ? "intact" : `broken at event ${e(d.chain.brokenAt)}`}</strong>. Each event's hash is SHA-256 of the previous hash and the event's content.</p>
<table><thead><tr><th>#</th><th>When</th><th>What</th><th>Who</th><th>Details</th><th>Hash</th></tr></thead><tbody>${timeline}</tbody></table>
<h2>Emails sent</h2>
${emails ? `<table><thead><tr><th>Queued</th><th>To</th><th>Delivery</th><th>Message</th></tr></thead><tbody>${emails}</tbody></table>` : "<p>None.</p>"}
<h2>Audit trail of this concern</h2>
<table><thead><tr><th>When</th><th>Who</th><th>Action</th><th>Why</th></tr></thead><tbody>${audit}</tbody></table>
</main></body></html>`;
}
