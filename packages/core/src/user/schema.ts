import * as v from "valibot";

/** No AWS imports: the sign-in form reuses it. */
export const Email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email("Enter a valid email address"), v.maxLength(254));

/** The languages Fidelio speaks; a person's choice is stored for the emails they get. */
export const languages = ["en", "es"] as const;
export const Language = v.picklist(languages, "English (en) or Spanish (es)");
export type Language = v.InferOutput<typeof Language>;
export const defaultLanguage: Language = "en";

export const LanguageInput = v.object({ language: Language });
