import type { Language } from "../user/schema";
import { actionTexts, reasonTexts, roleTexts, systemTexts } from "./catalog-audit";
import { eventTexts, legacyNotes, levelTexts, noteTexts, statusTexts } from "./catalog-concern";
import { emailTexts } from "./catalog-email";
import { answerTexts, packetTexts } from "./catalog-packet";
import { iepTexts } from "./catalog-iep";
import { barrierTexts } from "./catalog-support";
import { helpedTexts, reviewLinkTexts, reviewTexts } from "./catalog-review";
import { patternTexts } from "./catalog-patterns";
import { helpTexts } from "./catalog-help";
import { clockTexts, complaintTexts, recordsTexts, rightsTexts } from "./catalog-rights";
import { noticeEmailTexts, noticeTexts } from "./catalog-notice";
import { compensatoryTexts } from "./catalog-compensatory";
import { conversationFormTexts } from "./catalog-conversation";
import { rightsSettingsTexts } from "./catalog-rights-settings";
import type { Pair } from "./pair";
import { sayFrom, type Params } from "./say";
import type { NoteCode } from "../concern/schema";

export type { Pair, Params };

/**
 * The one English/Spanish catalog: every word Fidelio stores as a code (roles, audit actions and
 * reasons, concern levels, statuses, timeline events and notes, fidelity answers, IEP duty changes) and every email
 * and packet text. Emails, the evidence packet and the web all render from it. Pure TypeScript, no
 * AWS imports. The web imports only the sections it shows, each from its own file (web/src/strings),
 * never this index: a parent's phone does not download email and packet texts. Each section is typed
 * by the list that declares its codes (roles, auditActions, eventTypes, noteCodes...), so a code added
 * there does not compile until it is worded here; test/core/catalog.test.ts checks both languages and
 * their parameters. See docs/messages.md.
 */
export const catalog = {
  ...roleTexts,
  ...actionTexts,
  ...reasonTexts,
  ...systemTexts,
  ...levelTexts,
  ...statusTexts,
  ...eventTexts,
  ...noteTexts,
  ...answerTexts,
  ...iepTexts,
  ...barrierTexts,
  ...helpedTexts,
  ...reviewTexts,
  ...reviewLinkTexts,
  ...emailTexts,
  ...packetTexts,
  ...patternTexts,
  ...rightsTexts,
  ...clockTexts,
  ...complaintTexts,
  ...recordsTexts,
  ...noticeTexts,
  ...noticeEmailTexts,
  ...helpTexts,
  ...compensatoryTexts,
  ...conversationFormTexts,
  ...rightsSettingsTexts,
} satisfies Record<string, Pair>;
export type MessageCode = keyof typeof catalog;

/** A text stored as a code with its parameters, worded when read; `said` is a legacy sentence kept verbatim. */
export type CodedText = { code: MessageCode; params?: Params } | { said: string };

/** The message `code` in `lang`, its `{name}` parameters filled in. */
export const say: (lang: Language, code: MessageCode, params?: Params) => string = sayFrom(catalog);

/** A code that came from stored data (an audit entry's action, say): worded when the catalog knows it. */
export const sayStored = (lang: Language, prefix: string, code: string): string | undefined =>
  Object.hasOwn(catalog, `${prefix}.${code}`) ? say(lang, `${prefix}.${code}` as MessageCode, {}) : undefined;

export const sayCoded = (lang: Language, text: CodedText) => ("said" in text ? text.said : say(lang, text.code, text.params));

export const noteText = (code: NoteCode, params?: Params): CodedText => ({ code: `note.${code}`, ...(params && { params }) });

/**
 * A timeline event's notes as codes: stored codes as they are; a note stored before codes (English
 * sentences joined by a space) sentence by sentence, each known one as its code, anything else verbatim.
 */
export function notesOf(event: { notes?: Array<{ code: string; params?: Params }>; note?: string }): CodedText[] {
  if (event.notes)
    return event.notes.map((n) => (Object.hasOwn(catalog, n.code) ? { code: n.code as MessageCode, ...(n.params && { params: n.params }) } : { said: n.code }));
  if (!event.note) return [];
  return event.note.split(/(?<=\.)\s+/).map((sentence) => (Object.hasOwn(legacyNotes, sentence) ? noteText(legacyNotes[sentence]!) : { said: sentence }));
}
