import { escapeHtml } from "../email/body";
import { say } from "../messages";
import type { Language } from "../user/schema";
import { noticeSections } from "./notice";
import type { TimelineEvent } from "./timeline";

/**
 * Each prior written notice the concern's timeline holds, printed whole in the reader's language
 * (the parts' headings theirs, the words as staff wrote them), with who gave it and when; the
 * timeline's row for the same event carries its hash.
 */
export function noticesHtml(lang: Language, events: TimelineEvent[], whenText: (iso: string) => string): string {
  const e = escapeHtml;
  return events
    .filter((ev) => ev.notice)
    .map((ev) => {
      const by = ev.actor.kind === "user" ? ev.actor.name : "Fidelio";
      const parts = noticeSections(lang, ev.notice!)
        .map((section) => `<dt>${e(section.label)}</dt><dd data-part="${e(section.part)}">${e(section.text)}</dd>`)
        .join("");
      return `<section class="notice" id="notice-${e(ev.seq)}"><h2>${e(say(lang, "notice.title"))}</h2><p>${e(say(lang, "notice.intro"))}</p><dl>${parts}</dl><p class="muted">${e(say(lang, "notice.issuedBy", { name: by, when: whenText(ev.at) }))} · #${e(ev.seq)}</p></section>`;
    })
    .join("\n");
}

/** A logged conversation's when, how and with whom, and which recap an answer disputes, as the packet's timeline details. */
export function conversationDetails(lang: Language, ev: TimelineEvent, whenText: (iso: string) => string): string[] {
  if (ev.recapOf !== undefined) return [`#${ev.recapOf}`];
  if (!ev.conversation) return [];
  const { on, mode, with: people, disputeBy } = ev.conversation;
  return [
    say(lang, "recap.on", { mode: say(lang, `mode.${mode}`), on }),
    say(lang, "recap.with", { names: people.map((p) => p.name).join(", ") }),
    say(lang, "recap.disputeBy", { due: whenText(disputeBy) }),
  ];
}
