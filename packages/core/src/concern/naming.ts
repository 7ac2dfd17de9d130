import type { Concern, ConcernItem } from "./schema";

/**
 * How people tell concerns apart: a subject made from the supports a concern names and its class
 * ("Extended time · Grade 3 (Room 12)"), and a short reference per district ("C-1042") that people
 * can say on the phone and type in a search. The long id stays in URLs. Pure: the web may import it.
 */

const maxSupportLength = 40;

/** A support's short name: its text up to the first bracket, colon, comma or semicolon, cut at a word under 40 characters. */
export function shortSupport(text: string): string {
  const head = text.split(/\s*[(:;,]\s*|\s+-\s+/u)[0]!.trim() || text.trim();
  if (head.length <= maxSupportLength) return head;
  const cut = head.slice(0, maxSupportLength + 1);
  const atWord = cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : maxSupportLength);
  return `${atWord.replace(/[\s.,;:]+$/u, "")}…`;
}

/** "Extended time · Grade 3 (Room 12)"; two supports named, then "+N" for the rest; the class when the parent named one. */
export function concernSubject(items: Pick<ConcernItem, "text">[], className?: string): string {
  const names = items.map((item) => shortSupport(item.text));
  const supports = names.length > 2 ? `${names.slice(0, 2).join(", ")} +${names.length - 2}` : names.join(", ");
  return [supports, className].filter(Boolean).join(" · ");
}

/** The stored subject, or one made from what the concern names (a concern filed before subjects were stored). */
export const subjectOf = (concern: Pick<Concern, "subject" | "items" | "className">): string =>
  concern.subject ?? concernSubject(concern.items ?? [], concern.className);

/**
 * How emails and the evidence packet name a concern, so people tell two about the same child apart:
 * its reference and subject ("C-1042 · Extended time · Grade 3 (Room 12)"); the subject alone for a
 * concern filed before references.
 */
export const concernLabel = (concern: Pick<Concern, "reference" | "subject" | "items" | "className">): string =>
  [concern.reference, subjectOf(concern)].filter(Boolean).join(" · ");

/** A district's references start above 1000, so every one has at least four digits. */
export const firstReferenceNumber = 1001;
export const formatReference = (n: number) => `C-${n}`;

/** A reference as typed ("c1042", "C-1042", " c-1042 "), or undefined when the text is not one. */
export function parseReference(text: string): string | undefined {
  const match = /^\s*c-?\s*(\d{1,9})\s*$/iu.exec(text);
  return match ? formatReference(Number(match[1])) : undefined;
}
