import * as v from "valibot";

/** No AWS imports: the sign-in form reuses it. */
export const Email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email("Enter a valid email address"), v.maxLength(254));
