import * as v from "valibot";

/** Longer than any cursor storage makes (about 500 characters); longer input is refused unread. */
export const maxCursorLength = 2048;

/** A list's `cursor` parameter: the page before's, as the API gave it (storage opens and checks it). */
export const Cursor = v.optional(v.pipe(v.string(), v.maxLength(maxCursorLength)));
