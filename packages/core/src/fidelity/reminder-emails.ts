import type { Message } from "../email";
import { htmlBody, localeOf } from "../email/body";
import { appLink } from "../email/link";
import { say } from "../messages";
import { defaultLanguage, type Language } from "../user/schema";
import { weekStart } from "./week";

/** The week's Monday as people read it, in their language (a date only: no time zone applies). */
const mondayOf = (week: string, lang: Language) =>
  new Date(`${weekStart(week)}T12:00:00Z`).toLocaleDateString(localeOf(lang), { timeZone: "UTC", dateStyle: "long" });

type Recipient = { email: string; name: string; language?: Language };

/** To a teacher or provider, in their stored language: the forms of the school week still open. */
export function teacherReminder(to: Recipient, week: string, students: string[]): Message {
  const lang = to.language ?? defaultLanguage;
  const monday = mondayOf(week, lang);
  const lines = [
    say(lang, "email.hello", { name: to.name }),
    say(lang, "email.reminder.teacher.body", { monday, students: students.join(", ") }),
    say(lang, "email.reminder.teacher.link", { link: appLink(`/fidelity?week=${week}`) }),
  ];
  return { to: to.email, subject: say(lang, "email.reminder.teacher.subject", { monday }), text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}

/** To a case manager, in their stored language: team members who left a student's form open two weeks in a row. */
export function caseManagerNotice(to: Recipient, week: string, lapses: Array<{ staffName: string; studentName: string }>): Message {
  const lang = to.language ?? defaultLanguage;
  const monday = mondayOf(week, lang);
  const lines = [
    say(lang, "email.hello", { name: to.name }),
    say(lang, "email.reminder.caseManager.body", { monday }),
    ...lapses.map((l) => say(lang, "email.reminder.caseManager.lapse", { student: l.studentName, staff: l.staffName })),
    say(lang, "email.reminder.caseManager.link", { link: appLink("/caseload") }),
  ];
  return { to: to.email, subject: say(lang, "email.reminder.caseManager.subject", { monday }), text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}
