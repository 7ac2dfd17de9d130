import * as v from "valibot";
import { Email } from "../user/schema";

export const StartInput = v.object({ email: Email });
export const VerifyInput = v.object({
  email: Email,
  code: v.pipe(v.string(), v.trim(), v.regex(/^\d{6}$/, "Enter the 6-digit code from the email")),
});
