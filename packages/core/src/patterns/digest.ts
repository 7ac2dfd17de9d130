import type { Message } from "../email";
import { htmlBody, localeOf } from "../email/body";
import { appLink } from "../email/link";
import { say } from "../messages";
import { defaultLanguage, type Language } from "../user/schema";
import { weekStart } from "../fidelity/week";
import { patternSentence } from "./describe";
import type { Pattern } from "./schema";

type Recipient = { email: string; name: string; language?: Language };

const dayIn = (lang: Language) => (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(localeOf(lang), { timeZone: "UTC", dateStyle: "long" });

/** To a director, in their stored language: the week's new patterns, one line each, and the way to their evidence. */
export function patternsDigest(to: Recipient, week: string, patterns: Array<Pattern & { schoolName?: string }>): Message {
  const lang = to.language ?? defaultLanguage;
  const day = dayIn(lang);
  const lines = [
    say(lang, "email.hello", { name: to.name }),
    say(lang, "email.patterns.body", { monday: day(weekStart(week)) }),
    ...patterns.map((p) => `- ${patternSentence(lang, p, day)}`),
    say(lang, "email.patterns.link", { link: appLink("/") }),
  ];
  return { to: to.email, subject: say(lang, "email.patterns.subject", { count: patterns.length }), text: lines.join("\n\n"), html: htmlBody(lang, lines) };
}
