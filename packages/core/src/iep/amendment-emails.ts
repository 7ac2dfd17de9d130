import type { Message } from "../email";
import { htmlBody, localeOf } from "../email/body";
import { appLink } from "../email/link";
import { say } from "../messages";
import { defaultLanguage, type Language } from "../user/schema";
import type { DutyChange } from "./duties";
import { dutyChangeLine } from "./duty-kinds";

/**
 * The email telling a team member that an IEP amendment changes what they must provide, in the language
 * they chose. Its words are the catalog's (`email.iep.*`, and `iep.change.*` for each change, as on
 * their home page).
 */
type Recipient = { email: string; name: string; language?: Language };

/** One line per change, in the reader's language. */
export const changeLines = (lang: Language, changes: DutyChange[]): string[] => changes.map((change) => dutyChangeLine(lang, change));

/** An effective date as people read it, in their language (a date only: no time zone applies). */
const dateOf = (day: string, lang: Language) => new Date(`${day}T12:00:00Z`).toLocaleDateString(localeOf(lang), { timeZone: "UTC", dateStyle: "long" });

export function amendmentNotice(to: Recipient, notice: { studentName: string; version: number; effectiveFrom: string; changes: DutyChange[] }): Message {
  const lang = to.language ?? defaultLanguage;
  const lines = [
    say(lang, "email.hello", { name: to.name }),
    say(lang, "email.iep.intro", { student: notice.studentName, version: notice.version, from: dateOf(notice.effectiveFrom, lang) }),
    ...changeLines(lang, notice.changes),
    say(lang, "email.iep.link", { link: appLink("/") }),
  ];
  return { to: to.email, subject: say(lang, "email.iep.subject", { student: notice.studentName }), text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}
