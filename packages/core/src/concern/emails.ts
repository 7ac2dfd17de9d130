import { defaultTimeZone } from "../district/schema";
import { batchGet, keys, putNew } from "../dynamo";
import type { Message } from "../email";
import { htmlBody, localeOf } from "../email/body";
import { appLink } from "../email/link";
import { formatInstant, fullInstant } from "../words/time";
import { notesOf, say, sayCoded } from "../messages";
import { Outbox } from "../outbox";
import { User, userItem, type UserInfo } from "../user";
import { defaultLanguage, type Language } from "../user/schema";
import { describeEvent } from "./describe";
import { noticeSections } from "./notice";
import { concernLabel } from "./naming";
import type { Concern, Person } from "./schema";
import type { TimelineEvent } from "./timeline";

/** The concern's page, as an absolute link from the configured public URL. */
export const concernLink = (id: string) => appLink(`/concerns/${id}`);

interface Reader {
  id: string;
  name: string;
  email: string;
  role: "parent" | "staff";
  lang: Language;
}

/** One recap in the reader's language: what happened, what they are asked to do and by when, the link. */
function message(reader: Reader, concern: Concern, events: TimelineEvent[], timeZone: string): Message {
  const { lang } = reader;
  // On the district's clock, the zone named in the reader's words (words/time.ts), as on the web.
  const date = (iso: string) => formatInstant(localeOf(lang), iso, timeZone, fullInstant);
  const lines = events.flatMap((e) => [
    describeEvent(lang, e, date),
    ...(e.text ? [say(lang, "email.concern.words", { text: e.text })] : []),
    ...notesOf(e).map((note) => sayCoded(lang, note)),
    ...(e.notice ? noticeLines(lang, e, date) : []),
  ]);
  const due = concern.dueAt && concern.stage !== "closed" ? date(concern.dueAt) : undefined;
  const ask =
    concern.stage === "closed"
      ? say(lang, "email.concern.closed")
      : reader.role === "parent" && due && concern.status === "awaiting_confirmation"
        ? say(lang, concern.lastAnswer?.action === "decline" ? "email.concern.askAccept" : "email.concern.askConfirm", { due })
        : reader.role === "parent" && due && concern.status === "awaiting_info"
          ? say(lang, "email.concern.askAnswer", { due })
          : reader.role === "staff" && due && concern.status === "open" && concern.assignee?.id === reader.id
            ? say(lang, "email.concern.yourDeadline", { due })
            : undefined;
  // First, which concern this is: its reference and subject tell it from others about the same child.
  const about = say(lang, "email.concern.about", { label: concernLabel(concern), student: concern.studentName });
  const body = [about, ...lines, ...(ask ? [ask] : []), say(lang, "email.concern.link", { link: concernLink(concern.id) })];
  // The subject leads with the reference, so an inbox with several concerns about one child tells them apart.
  const subject = [concern.reference, say(lang, "email.concern.subject", { student: concern.studentName })].filter(Boolean).join(" · ");
  return { to: reader.email, subject, text: body.join("\n"), html: htmlBody(lang, body) };
}

/** A decline's prior written notice, part by part, headed in the reader's language. */
function noticeLines(lang: Language, event: TimelineEvent, date: (iso: string) => string): string[] {
  const by = event.actor.kind === "user" ? event.actor.name : "Fidelio";
  return [
    say(lang, "notice.title"),
    say(lang, "notice.intro"),
    ...noticeSections(lang, event.notice!).map((section) => `${section.label}: ${section.text}`),
    say(lang, "notice.issuedBy", { name: by, when: date(event.at) }),
  ];
}

/** The outbox item for `message`, tagged with the concern, and the concern's own record of it (the packet lists these). */
export function queued(concern: Concern, recipient: { name: string; role: "parent" | "staff" }, msg: Message) {
  const put = Outbox.email(msg, { concernId: concern.id });
  const { id, createdAt } = put.put as { id: string; createdAt: string };
  const record = {
    ...keys.concernEmail(concern.id, createdAt, id),
    type: "concern-email",
    outboxId: id,
    createdAt,
    toName: recipient.name,
    to: msg.to,
    role: recipient.role,
    subject: msg.subject,
    text: msg.text,
  };
  return [put, putNew(record)];
}

export interface RecapRecipients {
  parent: boolean;
  staff?: Person[];
  /** The person whose action this is: nobody is emailed about their own action... */
  actorId?: string;
  /** ...except the parent's receipt for filing, which confirms the concern was received and where it went. */
  receipt?: boolean;
}

/**
 * The recap emails of one write, as outbox transaction items: the parent and, when someone new takes
 * the concern or must act, that person; each in their stored language (English until they have one),
 * read in one BatchGetItem. The person who acted is left out, but for the filing's receipt.
 */
/** The user items of the people a recap may go to, read in one BatchGetItem; an id read and not found maps to undefined. */
export type RecapReaders = ReadonlyMap<string, UserInfo | undefined>;

export async function readRecapReaders(ids: readonly string[]): Promise<RecapReaders> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = new Map(
    (
      await batchGet(
        userItem,
        unique.map((id) => keys.user(id)),
      )
    ).map((u) => [u.id, u]),
  );
  return new Map(unique.map((id) => [id, found.get(id)]));
}

/** `read`: the readers' items already read (a filing reads them beside its other reads); whoever is missing from it is read here. */
export async function recapEmails(concern: Concern, events: TimelineEvent[], to: RecapRecipients, timeZone = defaultTimeZone, read: RecapReaders = new Map()) {
  const skip = (id: string) => !to.receipt && id === to.actorId;
  const people = [
    ...(to.parent && !skip(concern.parent.id) ? [{ ...concern.parent, role: "parent" as const }] : []),
    ...(to.staff ?? []).filter((p) => !skip(p.id) && p.id !== concern.parent.id).map((p) => ({ ...p, role: "staff" as const })),
  ].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
  if (people.length === 0) return [];
  const missing = people.filter((p) => !read.has(p.id)).map((p) => p.id);
  const users = new Map([...read, ...(await readRecapReaders(missing))]);
  return people.flatMap((p) => {
    const user = users.get(p.id);
    const email = user ? user.email : p.email;
    // Someone the roster gave no email hears nothing until an import gives them one.
    if (email === undefined) return [];
    const reader: Reader = { id: p.id, name: p.name, email, role: p.role, lang: user ? User.languageOf(user) : defaultLanguage };
    return queued(concern, { name: p.name, role: p.role }, message(reader, concern, events, timeZone));
  });
}
