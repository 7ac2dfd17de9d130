import type { UserActor } from "../actor";
import { addSchoolDays } from "../calendar";
import type { DistrictInfo } from "../district";
import { defaultTimeZone } from "../district/schema";
import { batchGet, keys, type TransactOp } from "../dynamo";
import { htmlBody, localeOf } from "../email/body";
import { VisibleError } from "../error";
import { say } from "../messages";
import { User, userItem } from "../user";
import { defaultLanguage } from "../user/schema";
import { formatInstant, fullInstant } from "../words/time";
import { recapDisputeDays, type ConversationInput, type StoredConversation } from "./conversation-schema";
import { concernLink, queued } from "./emails";
import { concernLabel } from "./naming";
import type { Concern } from "./schema";
import type { TimelineEvent } from "./timeline";

/**
 * Conversations on the record: anyone on a concern logs one (phone, meeting, in person, video), each
 * other participant gets a recap in their language with a link to say "this is not what we agreed"
 * within 5 school days, and that answer is logged too. Both are timeline events, so the hash chain and
 * the packet hold them.
 */

/** Everyone on the concern: its parent and everyone it was ever assigned to, as the timeline names them. */
export function peopleOn(concern: Concern, events: TimelineEvent[]): Array<{ id: string; name: string; role: "parent" | "staff" }> {
  const staff = [...events.flatMap((e) => (e.type === "assigned" && e.assignee ? [e.assignee] : [])), ...(concern.assignee ? [concern.assignee] : [])];
  const people = [
    { id: concern.parent.id, name: concern.parent.name, role: "parent" as const },
    ...staff.map((p) => ({ id: p.id, name: p.name, role: "staff" as const })),
  ];
  return people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
}

/** The conversation as the `conversation_logged` event stores it; 422 `not_on_concern` for someone named who is not on it. */
export function conversationOf(actor: UserActor, concern: Concern, events: TimelineEvent[], input: ConversationInput, district: DistrictInfo, now: Date) {
  const people = peopleOn(concern, events);
  const named = input.with ?? people.map((p) => p.id);
  const strangers = named.filter((id) => !people.some((p) => p.id === id));
  if (strangers.length) throw new VisibleError(422, "not_on_concern", "Name only people on this concern.", { ids: strangers });
  const ids = new Set([...named, actor.userId]);
  const conversation: StoredConversation = {
    on: input.on,
    mode: input.mode,
    with: people.filter((p) => ids.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    disputeBy: addSchoolDays(district, now, recapDisputeDays).toISOString(),
  };
  const recipients = people.filter((p) => ids.has(p.id) && p.id !== actor.userId);
  return { conversation, recipients };
}

/**
 * The logged conversation a "not what we agreed" answers: 404 for none, 403 for someone it did not
 * include (or who logged it), 409 `recap_window_closed` once its 5 school days are over.
 */
export function recapToDispute(actor: UserActor, events: TimelineEvent[], recapOf: number | undefined, now: Date) {
  const event = events.find((e) => e.seq === recapOf && e.type === "conversation_logged" && e.conversation);
  if (!event?.conversation) throw new VisibleError(404, "not_found", "No logged conversation has this number on the concern");
  const logger = event.actor.kind === "user" ? event.actor.id : undefined;
  if (logger === actor.userId || !event.conversation.with.some((p) => p.id === actor.userId))
    throw new VisibleError(403, "forbidden", "Only the other people in the conversation can say its recap is not what was agreed");
  if (now.getTime() > new Date(event.conversation.disputeBy).getTime())
    throw new VisibleError(409, "recap_window_closed", `The time to answer this recap ended ${event.conversation.disputeBy}.`);
  return event;
}

/** Each recipient's recap, in their stored language, as outbox items written with the event. */
export async function recapOfConversation(
  concern: Concern,
  seq: number,
  by: string,
  text: string,
  conversation: StoredConversation,
  recipients: Array<{ id: string; name: string; role: "parent" | "staff" }>,
  timeZone = defaultTimeZone,
): Promise<TransactOp[]> {
  if (recipients.length === 0) return [];
  const users = new Map(
    (
      await batchGet(
        userItem,
        recipients.map((p) => keys.user(p.id)),
      )
    ).map((u) => [u.id, u]),
  );
  return recipients.flatMap((p) => {
    const user = users.get(p.id);
    if (!user?.email) return [];
    const lang = user ? User.languageOf(user) : defaultLanguage;
    const mode = say(lang, `mode.${conversation.mode}`);
    const due = formatInstant(localeOf(lang), conversation.disputeBy, timeZone, fullInstant);
    const lines = [
      say(lang, "email.recap.intro", { name: by, label: concernLabel(concern), student: concern.studentName, mode, on: conversation.on }),
      say(lang, "email.recap.with", { names: conversation.with.map((w) => w.name).join(", ") }),
      say(lang, "email.recap.text", { text }),
      say(lang, "email.recap.disagree", { due, link: `${concernLink(concern.id)}?recap=${seq}` }),
    ];
    const message = {
      to: user.email,
      subject: say(lang, "email.recap.subject", { student: concern.studentName }),
      text: lines.join("\n"),
      html: htmlBody(lang, lines),
    };
    return queued(concern, { name: p.name, role: p.role }, message) as TransactOp[];
  });
}
