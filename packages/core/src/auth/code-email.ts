import type { Message } from "../email";
import { escapeHtml } from "../email/body";
import { emailTexts } from "../messages/catalog-email";
import { sayFrom } from "../messages/say";
import { defaultLanguage, languages, type Language } from "../user/schema";

// The email section only: sign-in is in the API's cold start, which should not load every other text.
const say = sayFrom(emailTexts);

/**
 * The sign-in email: in the language of the page it was asked from first, then in the other one (it
 * goes out before Fidelio may say whose address it is, so it cannot use the person's stored language).
 */
export function codeEmail(to: string, code: string, lang: Language = defaultLanguage): Message {
  const order = [lang, ...languages.filter((l) => l !== lang)];
  const text = [...order.map((l) => say(l, "email.code.body", { code })), "", order.map((l) => say(l, "email.code.ignore")).join(" / ")].join("\n");
  const bold = (l: Language) => escapeHtml(say(l, "email.code.body", { code: "\u0000" })).replace("\u0000", `<strong>${code}</strong>`);
  const html = `${order.map((l) => `<p lang="${l}">${bold(l)}</p>`).join("\n")}
<p>${order.map((l) => `<span lang="${l}">${escapeHtml(say(l, "email.code.ignore"))}</span>`).join(" / ")}</p>`;
  return { to, subject: say(lang, "email.code.subject", { code }), text, html };
}

/** The code in a sign-in email's subject, in either language; undefined for any other email (a recap may carry six digits too). */
export function signInCodeOf(subject: string): string | undefined {
  for (const lang of languages) {
    const prefix = say(lang, "email.code.subject", { code: "" });
    if (subject.startsWith(prefix)) return /^\d{6}$/.exec(subject.slice(prefix.length))?.[0];
  }
  return undefined;
}
