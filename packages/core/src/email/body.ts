import type { Language } from "../user/schema";

/** No AWS imports: the modules that write emails and pages (concerns, reminders, the packet) use these without the SES client. */

/** Every value that reaches HTML goes through this: text only, never markup. */
export const escapeHtml = (value: unknown) => String(value ?? "").replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);

/** An email's lines as its HTML part: one escaped paragraph each, marked with the reader's language. */
export const htmlBody = (lang: Language, lines: string[]) => `<div lang="${lang}">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}</div>`;

/** The locale an email writes dates in for a reader of `lang`. */
export const localeOf = (lang: Language) => (lang === "es" ? "es-US" : "en-US");
