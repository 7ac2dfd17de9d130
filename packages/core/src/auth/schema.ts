import * as v from "valibot";
import { Email } from "../user/schema";

export const StartInput = v.object({ email: Email });
export const VerifyInput = v.object({
  email: Email,
  // People paste codes as "123 456" or "123-456".
  code: v.pipe(v.string(), v.transform((s) => s.replace(/[\s-]/g, "")), v.regex(/^\d{6}$/, "Enter the 6-digit code from the email")),
});
