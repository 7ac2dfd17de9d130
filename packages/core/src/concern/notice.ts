import * as v from "valibot";
import { VisibleError } from "../error";
import { noticeTexts } from "../messages/catalog-notice";
import { sayFrom } from "../messages/say";
import type { Problem } from "../problem";
import type { Language } from "../user/schema";

/**
 * Prior written notice (34 CFR 300.503(b)): what the school gives the family when it declines what a
 * concern asks for. Stored whole on the `declined` timeline event, so the hash chain covers it, and
 * worded the same way on the concern page, in the parent's email and in the packet. No AWS imports:
 * the web's decline form and the parent's view of the notice use this module.
 */

/** The notice's parts, in the order the regulation lists them and every rendering prints them. */
export const noticeParts = ["actionRefused", "reasons", "optionsConsidered", "basis", "otherFactors", "safeguards"] as const;
export type NoticePart = (typeof noticeParts)[number];
/** Staff must write these; the safeguards statement defaults to the district's (or the catalog's). */
export const requiredNoticeParts = noticeParts.filter((part) => part !== "safeguards");

const part = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(4000, "At most 4000 characters")));
/** The `notice` of a decline as sent: every part optional here, so one 422 can name all that are missing. */
export const NoticeInput = v.object(Object.fromEntries(noticeParts.map((p) => [p, part])) as Record<NoticePart, typeof part>);
export type NoticeInput = v.InferOutput<typeof NoticeInput>;

/** The notice as stored; `safeguards` absent means the catalog's statement, worded in the reader's language. */
export const StoredNotice = v.object({
  actionRefused: v.string(),
  reasons: v.string(),
  optionsConsidered: v.string(),
  basis: v.string(),
  otherFactors: v.string(),
  safeguards: v.optional(v.string()),
});
export type PriorWrittenNotice = v.InferOutput<typeof StoredNotice>;

const say = sayFrom(noticeTexts);

/**
 * The notice a decline records, or 422 `notice_incomplete` naming each missing part (the API's problem
 * shape, one per field). An empty safeguards statement takes the district's setting.
 */
export function completeNotice(input: NoticeInput | undefined, districtSafeguards: string | undefined): PriorWrittenNotice {
  const given = input ?? {};
  const missing = requiredNoticeParts.filter((p) => !given[p]?.trim());
  if (missing.length) {
    const problems: Problem[] = missing.map((p) => ({ field: `notice.${p}`, code: "required", message: `Required: ${say("en", `notice.${p}`)}` }));
    throw new VisibleError(422, "notice_incomplete", say("en", "notice.missing", { fields: missing.map((p) => `notice.${p}`).join(", ") }), problems);
  }
  const safeguards = given.safeguards || districtSafeguards;
  return {
    actionRefused: given.actionRefused!,
    reasons: given.reasons!,
    optionsConsidered: given.optionsConsidered!,
    basis: given.basis!,
    otherFactors: given.otherFactors!,
    ...(safeguards && { safeguards }),
  };
}

/** The notice as labelled parts in `lang`: the parts' headings are the reader's; their words are the writer's. */
export const noticeSections = (lang: Language, notice: PriorWrittenNotice): Array<{ part: NoticePart; label: string; text: string }> =>
  noticeParts.map((p) => ({
    part: p,
    label: say(lang, `notice.${p}`),
    text: p === "safeguards" ? (notice.safeguards ?? say(lang, "notice.safeguardsDefault")) : notice[p],
  }));
