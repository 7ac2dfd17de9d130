import { Config } from "../config";
import type { Message } from "../email";
import { htmlBody, localeOf } from "../email/body";
import type { Language } from "../user/schema";
import { weekStart } from "./week";

const formsLink = (week: string) => `${Config.appOrigin() ?? ""}/fidelity?week=${week}`;

/** The week's Monday as people read it, in their language (a date only: no time zone applies). */
const mondayOf = (week: string, lang: Language) =>
  new Date(`${weekStart(week)}T12:00:00Z`).toLocaleDateString(localeOf(lang), { timeZone: "UTC", dateStyle: "long" });

type Recipient = { email: string; name: string; language?: Language };

const teacherTexts = {
  en: (name: string, monday: string, students: string, link: string) => ({
    subject: `Fidelity forms still open: week of ${monday}`,
    lines: [`Hello ${name},`, `Your weekly fidelity forms for the week of ${monday} are still open for: ${students}.`, `They take about a minute each: ${link}`],
  }),
  es: (name: string, monday: string, students: string, link: string) => ({
    subject: `Formularios de cumplimiento pendientes: semana del ${monday}`,
    lines: [`Hola, ${name}:`, `Sus formularios semanales de cumplimiento de la semana del ${monday} siguen pendientes para: ${students}.`, `Cada uno toma alrededor de un minuto: ${link}`],
  }),
};

const caseManagerTexts = {
  en: (name: string, monday: string, lapses: string[], link: string) => ({
    subject: `Fidelity forms missed two weeks in a row: week of ${monday}`,
    lines: [`Hello ${name},`, `These weekly fidelity forms were not submitted for two weeks in a row (up to the week of ${monday}):`, ...lapses, `Fidelity for your caseload: ${link}`],
  }),
  es: (name: string, monday: string, lapses: string[], link: string) => ({
    subject: `Formularios de cumplimiento sin enviar dos semanas seguidas: semana del ${monday}`,
    lines: [`Hola, ${name}:`, `Estos formularios semanales de cumplimiento no se enviaron dos semanas seguidas (hasta la semana del ${monday}):`, ...lapses, `Cumplimiento de su lista de casos: ${link}`],
  }),
};

/** To a teacher or provider, in the language they chose: the forms of the school week still open. */
export function teacherReminder(to: Recipient, week: string, students: string[]): Message {
  const lang = to.language ?? "en";
  const { subject, lines } = teacherTexts[lang](to.name, mondayOf(week, lang), students.join(", "), formsLink(week));
  return { to: to.email, subject, text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}

/** To a case manager, in the language they chose: team members who left a student's form open two weeks in a row. */
export function caseManagerNotice(to: Recipient, week: string, lapses: Array<{ staffName: string; studentName: string }>): Message {
  const lang = to.language ?? "en";
  const listed = lapses.map((l) => `${l.studentName}: ${l.staffName}`);
  const { subject, lines } = caseManagerTexts[lang](to.name, mondayOf(week, lang), listed, `${Config.appOrigin() ?? ""}/caseload`);
  return { to: to.email, subject, text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}
