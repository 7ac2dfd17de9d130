import { createHash } from "node:crypto";
import { escapeHtml, localeOf } from "../email/body";
import { weekStart } from "../fidelity/week";
import { say, type MessageCode } from "../messages";
import type { Clock } from "../rights/clocks";
import { formatPlainDate } from "../words/time";
import { describeEvent } from "./describe";
import { concernLabel } from "./naming";
import { css, type PacketData } from "./packet-html";

export interface ComplaintData extends PacketData {
  /** The child's address, printed only when the parent gives it. */
  address?: string;
  parentEmail?: string;
  clocks: Clock[];
}

// Letter (8.5 × 11 in) and A4 (210 × 297 mm): margins that fit the narrower width and the shorter page.
const complaintCss = `
@page{size:auto;margin:18mm 16mm 20mm}
.prose{white-space:pre-wrap}
section[data-section]{break-inside:auto}section[data-section] h2{break-after:avoid}
.sign{display:grid;grid-template-columns:1fr 12rem;gap:2rem;margin-top:2.5rem}.sign div{border-top:1px solid #000;padding-top:.25rem}
@media print{.sign{break-inside:avoid}}
`;

/**
 * The packet as a state complaint: six sections, each an element with `data-section`, in the order
 * 34 CFR 300.153(b) gives a complaint's contents (violation, facts, child, problem, resolution,
 * complainant). The same facts as the evidence packet, from the same reads; the make-up minutes owed
 * are the fidelity computation's (fidelity/minutes.ts), as the packet shows them.
 */
export function renderComplaint(d: ComplaintData): { html: string; styleHash: string } {
  const { lang } = d;
  const e = escapeHtml;
  const s = (code: MessageCode, params?: Record<string, string | number>) => e(say(lang, code, params));
  const locale = localeOf(lang);
  const day = (date: string) => e(formatPlainDate(lang, date));
  const whenText = (iso: string) => new Date(iso).toLocaleString(locale, { timeZone: d.timeZone, dateStyle: "medium", timeStyle: "short" });
  const c = d.concern;

  const versions = d.ieps
    .filter((g) => g.version)
    .map(
      (g) =>
        `<h3>${s("complaint.inVersion", { version: g.version!.version, date: formatPlainDate(lang, g.version!.effectiveFrom) })}</h3><ul>${g.items
          .map(
            (i) =>
              `<li>${i.kind === "missing" ? e(i.id) : i.kind === "service" ? s("packet.service", { name: i.name, minutes: i.minutes, provider: i.provider }) : e(i.text)}</li>`,
          )
          .join("")}</ul>`,
    )
    .join("");
  const window = d.clocks.find((k) => k.kind === "state_complaint_window");
  const weekly = d.fidelity.answers
    .map((a) => {
      const answer = a.accommodation
        ? s(`acc.${a.accommodation.status}`)
        : (a.service?.sessions ?? [])
            .map((x) =>
              "minutes" in x
                ? s("packet.session", { date: x.date, minutes: x.minutes })
                : s("packet.sessionMissed", { date: x.date, reason: say(lang, `why.${x.missed}`) }),
            )
            .join("<br>") || s("packet.noAnswer");
      return `<tr><td>${e(weekStart(a.form.week))}</td><td>${e(a.support)}</td><td>${answer}</td><td>${e(a.form.staffName)}</td></tr>`;
    })
    .join("");
  const missed = d.events.filter((ev) => ev.type === "deadline_passed");
  const timeline = d.events
    .map((ev) => `<li>${e(whenText(ev.at))}: ${e(describeEvent(lang, ev, whenText))}${ev.text ? ` — “${e(ev.text)}”` : ""}</li>`)
    .join("");
  const owed = d.fidelity.services.filter((m) => m.owed > 0);
  const plans = d.fidelity.makeUpPlans ?? [];
  const planList = plans.length
    ? `<h3>${s("complaint.makeUpPlans")}</h3><ul id="make-up-plans">${plans.map((p) => `<li>${s("complaint.makeUpPlanLine", { name: p.serviceName, minutes: p.minutes, date: formatPlainDate(lang, p.dueOn), delivered: p.delivered, remaining: p.remaining })}</li>`).join("")}</ul>`
    : "";

  const style = css(lang) + complaintCss;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${s("complaint.documentTitle", { id: concernLabel(c) })}</title><style>${style}</style></head>
<body><main>
<h1>${s("complaint.title")}</h1>
<p>${s("complaint.intro", { id: concernLabel(c) })}</p>
${window ? `<p id="complaint-window"><strong>${s("complaint.window", { date: formatPlainDate(lang, window.endsOn), basis: window.basis[lang] })}</strong></p>` : ""}
<section data-section="violation"><h2>${s("complaint.violation")}</h2><p>${s("complaint.violationIntro")}</p>${versions || `<p>${s("packet.noIep")}</p>`}</section>
<section data-section="facts"><h2>${s("complaint.facts")}</h2>
<p>${s("packet.happenedOn")}: ${c.happenedOn ? day(c.happenedOn) : s("packet.notGiven")}</p>
<h3>${s("complaint.weekly")}</h3>
${weekly ? `<table><thead><tr><th>${s("packet.week")}</th><th>${s("packet.support")}</th><th>${s("packet.answer")}</th><th>${s("packet.staff")}</th></tr></thead><tbody>${weekly}</tbody></table>` : `<p>${s("packet.noAnswers")}</p>`}
<h3>${s("complaint.missedDeadlines")}</h3>
${missed.length ? `<ul>${missed.map((ev) => `<li>${e(whenText(ev.at))}${ev.level ? ` (${s(`levelName.${ev.level}` as MessageCode)})` : ""}</li>`).join("")}</ul>` : `<p>${s("complaint.noMissed")}</p>`}
<h3>${s("complaint.timeline")}</h3><ol>${timeline}</ol></section>
<section data-section="child"><h2>${s("complaint.child")}</h2><dl>
<dt>${s("complaint.name")}</dt><dd>${e(c.studentName)}</dd>
<dt>${s("packet.school")}</dt><dd>${e(c.schoolName ?? "")}</dd>
<dt>${s("packet.district")}</dt><dd>${e(d.districtName)}</dd>
<dt>${s("complaint.address")}</dt><dd>${d.address ? e(d.address) : `<span class="muted">${s("complaint.addressBlank")}</span>`}</dd></dl></section>
<section data-section="problem"><h2>${s("complaint.problem")}</h2><p class="prose">${e(c.description)}</p></section>
<section data-section="resolution"><h2>${s("complaint.resolution")}</h2>
<p>${c.desiredResolution ? e(c.desiredResolution) : s("packet.notGiven")}</p>
<h3>${s("complaint.makeUp")}</h3>
${owed.length ? `<ul id="make-up">${owed.map((m) => `<li>${s("complaint.makeUpLine", { name: m.name, owed: m.owed, delivered: m.delivered, required: m.required })}</li>`).join("")}</ul>` : `<p>${s("complaint.noneOwed")}</p>`}${planList}</section>
<section data-section="complainant"><h2>${s("complaint.complainant")}</h2><dl>
<dt>${s("complaint.name")}</dt><dd>${e(c.parent.name)}</dd>
<dt>${s("complaint.contact")}</dt><dd>${e(d.parentEmail ?? "")}</dd></dl>
<div class="sign"><div>${s("complaint.signature")}</div><div>${s("complaint.date")}</div></div></section>
</main></body></html>`;
  return { html, styleHash: createHash("sha256").update(style).digest("base64") };
}
