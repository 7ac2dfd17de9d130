import { patternKindTexts } from "../messages/catalog-patterns";
import { sayFrom } from "../messages/say";
import type { Language } from "../user/schema";
import { weekStart } from "../fidelity/week";
import type { Pattern } from "./schema";

const sayKind = sayFrom(patternKindTexts);

/** The day a pattern begins: a week's Monday, or a concern's day. */
export const sinceDay = (since: string) => (since.includes("-W") ? weekStart(since) : since);

/**
 * One sentence for a pattern, in `lang`; no AWS imports, so the web words it the same way as the digest.
 * `day` words a YYYY-MM-DD date for the reader.
 */
export function patternSentence(lang: Language, p: Pattern & { schoolName?: string }, day: (date: string) => string) {
  return sayKind(lang, `pattern.${p.kind}`, {
    item: p.itemText ?? "",
    count: p.count,
    class: p.className ?? p.classId ?? "",
    school: p.schoolName ?? p.schoolId,
    teacher: p.teacherName ?? p.teacherId ?? "",
    percent: p.percent ?? 0,
    subject: p.className ?? p.teacherName ?? p.classId ?? p.teacherId ?? "",
    since: day(sinceDay(p.since)),
  });
}
