import * as v from "valibot";

/** No AWS imports: the sign-in form reuses it. */
export const Email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email("Enter a valid email address"), v.maxLength(254));

/** The languages Fidelio speaks; a person's choice is stored for the emails they get. */
export const languages = ["en", "es"] as const;
export const Language = v.picklist(languages, "English (en) or Spanish (es)");
export type Language = v.InferOutput<typeof Language>;
export const defaultLanguage: Language = "en";

export const LanguageInput = v.object({ language: Language });

/** Why mail to an address stopped: SES bounced it for good, or the person marked Fidelio's mail as spam. */
export const undeliverableReasons = ["bounce", "complaint"] as const;

export const EmailUndeliverable = v.object({
  at: v.string(),
  reason: v.picklist(undeliverableReasons),
  /** SES's own id for the bounce or complaint report: the evidence, kept with the flag. */
  feedbackId: v.optional(v.string()),
  /** Who set the flag: always Fidelio itself, from SES's feedback (Actor.system("email_feedback")). */
  by: v.object({ kind: v.literal("system"), reason: v.literal("email_feedback") }),
});
export type EmailUndeliverable = v.InferOutput<typeof EmailUndeliverable>;

/**
 * The first language Fidelio speaks among those an `Accept-Language` header asks for, by quality
 * (`es-MX,es;q=0.9,en;q=0.8` → es); undefined when it asks for none of them or there is no header.
 */
export function languageOfHeader(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const asked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split("-")[0]!, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((a) => a.q > 0 && Number.isFinite(a.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return asked.map((a) => a.base).find((base): base is Language => (languages as readonly string[]).includes(base));
}
