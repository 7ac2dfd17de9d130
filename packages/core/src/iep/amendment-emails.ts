import { Config } from "../config";
import type { Message } from "../email";
import { htmlBody, localeOf } from "../email/body";
import type { Language } from "../user/schema";
import type { DutyChange } from "./duties";

/**
 * The email telling a team member that an IEP amendment changes what they must provide, in the language
 * they chose. All of its wording is here, English and Spanish, as the reminders' is in
 * fidelity/reminder-emails.ts.
 */
type Recipient = { email: string; name: string; language?: Language };

const texts = {
  en: {
    subject: (student: string) => `IEP changed for ${student}: what changes for you`,
    hello: (name: string) => `Hello ${name},`,
    intro: (student: string, version: number, from: string) => `${student}'s IEP has a new version (${version}), in effect from ${from}. What changes for you:`,
    added: (what: string) => `Added: ${what}`,
    removed: (what: string) => `Removed: ${what}`,
    changed: (what: string, before: string) => `Changed: ${what} (was: ${before})`,
    minutes: (name: string, minutes: number) => `${name}, ${minutes} minutes a week`,
    ask: (link: string) => `Please read it and confirm in Fidelio that you will provide it: ${link}`,
  },
  es: {
    subject: (student: string) => `Cambió el IEP de ${student}: lo que cambia para usted`,
    hello: (name: string) => `Hola, ${name}:`,
    intro: (student: string, version: number, from: string) => `El IEP de ${student} tiene una versión nueva (${version}), vigente desde el ${from}. Lo que cambia para usted:`,
    added: (what: string) => `Se agregó: ${what}`,
    removed: (what: string) => `Se quitó: ${what}`,
    changed: (what: string, before: string) => `Cambió: ${what} (antes: ${before})`,
    minutes: (name: string, minutes: number) => `${name}, ${minutes} minutos por semana`,
    ask: (link: string) => `Léalo y confirme en Fidelio que lo brindará: ${link}`,
  },
};

/** One line per change, in the reader's language. */
export function changeLines(lang: Language, changes: DutyChange[]): string[] {
  const l = texts[lang];
  return changes.map((c) => {
    const what = c.kind === "accommodation" ? c.text : l.minutes(c.name, c.minutesPerWeek);
    if (!("before" in c)) return c.change === "added" ? l.added(what) : l.removed(what);
    return l.changed(what, typeof c.before === "string" ? c.before : l.minutes(c.before.name, c.before.minutesPerWeek));
  });
}

const dateOf = (day: string, lang: Language) => new Date(`${day}T12:00:00Z`).toLocaleDateString(localeOf(lang), { timeZone: "UTC", dateStyle: "long" });

export function amendmentNotice(to: Recipient, notice: { studentName: string; version: number; effectiveFrom: string; changes: DutyChange[] }): Message {
  const lang = to.language ?? "en";
  const l = texts[lang];
  const lines = [l.hello(to.name), l.intro(notice.studentName, notice.version, dateOf(notice.effectiveFrom, lang)), ...changeLines(lang, notice.changes), l.ask(`${Config.appOrigin() ?? ""}/`)];
  return { to: to.email, subject: l.subject(notice.studentName), text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}
