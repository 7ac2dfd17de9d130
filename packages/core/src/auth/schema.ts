import * as v from "valibot";
import { Email, Language } from "../user/schema";

/** `language`: the language of the page signing in (the web sends it; the API falls back to Accept-Language). */
export const StartInput = v.object({ email: Email, language: v.optional(Language) });
export const VerifyInput = v.object({
  email: Email,
  // People paste codes as "123 456" or "123-456".
  code: v.pipe(
    v.string(),
    v.transform((s) => s.replace(/[\s-]/g, "")),
    v.regex(/^\d{6}$/, "Enter the 6-digit code from the email"),
  ),
  language: v.optional(Language),
});
