import type { Message } from "../email";
import { htmlBody, localeOf } from "../email/body";
import { appLink } from "../email/link";
import { say } from "../messages";
import { defaultLanguage, type Language } from "../user/schema";
import { weekStart } from "../fidelity/week";
import type { HelpRequest } from "./schema";

type Recipient = { email: string; name: string; language?: Language };

/** A calendar day as people read it, in their language (a day only: no time zone applies). */
export const dayIn = (lang: Language) => (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(localeOf(lang), { timeZone: "UTC", dateStyle: "long" });

/** To the case manager, in their stored language: a teacher asks for help with a support, and by when to answer. */
export function helpOpenedEmail(to: Recipient, r: HelpRequest): Message {
  const lang = to.language ?? defaultLanguage;
  const day = dayIn(lang);
  const params = {
    teacher: r.teacherName,
    student: r.studentName,
    item: r.itemText,
    monday: day(weekStart(r.week)),
    why: say(lang, `help.trigger.${r.trigger}`),
  };
  const lines = [
    say(lang, "email.hello", { name: to.name }),
    say(lang, "email.help.opened.body", params),
    ...(r.note ? [say(lang, "email.help.opened.note", { note: r.note })] : []),
    say(lang, "email.help.opened.due", { due: day(r.dueOn) }),
    say(lang, "email.help.opened.link", { link: appLink("/#help-requests") }),
  ];
  return { to: to.email, subject: say(lang, "email.help.opened.subject", params), text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}

/** To the teacher who asked, in their stored language: the case manager's answer. */
export function helpResolvedEmail(to: Recipient, r: HelpRequest & { resolution: NonNullable<HelpRequest["resolution"]> }): Message {
  const lang = to.language ?? defaultLanguage;
  const params = { caseManager: r.resolution.byName, student: r.studentName, item: r.itemText };
  const lines = [
    say(lang, "email.hello", { name: to.name }),
    say(lang, "email.help.resolved.body", params),
    r.resolution.text,
    say(lang, "email.help.resolved.link", { link: appLink("/#help-requests") }),
  ];
  return { to: to.email, subject: say(lang, "email.help.resolved.subject", params), text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}

/** To the other side of a comment (the case manager when the teacher comments, the teacher when the case manager does), in their stored language. */
export function helpCommentEmail(to: Recipient, r: HelpRequest, comment: { byName: string; text: string }): Message {
  const lang = to.language ?? defaultLanguage;
  const params = { name: comment.byName, student: r.studentName, item: r.itemText };
  const lines = [
    say(lang, "email.hello", { name: to.name }),
    say(lang, "email.help.comment.body", params),
    comment.text,
    say(lang, "email.help.resolved.link", { link: appLink("/#help-requests") }),
  ];
  return { to: to.email, subject: say(lang, "email.help.comment.subject", params), text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}
