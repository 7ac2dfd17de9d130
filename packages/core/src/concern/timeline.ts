import { createHash } from "node:crypto";
import type { Actor } from "../actor";
import { keys } from "../dynamo/keys";
import { putNew } from "../dynamo/write";
import type { Concern, EventType, NoteCode, Person } from "./schema";
import type { PriorWrittenNotice } from "./notice";
import type { StoredConversation } from "./conversation-schema";

/** What an event says; the hash chain covers all of it. */
export interface EventContent {
  type: EventType;
  at: string;
  actor: { kind: "user"; id: string; name: string } | { kind: "system"; reason: string };
  text?: string;
  level?: string;
  assignee?: { id: string; name: string };
  dueAt?: string;
  status?: string;
  outcome?: string;
  /** A date the event records (the day a state complaint was filed). */
  filedOn?: string;
  /** Why the timeline took this turn (no class named, no case manager on file...), as catalog codes with parameters. */
  notes?: EventNote[];
  /** A decline's prior written notice, whole: the chain covers what the family was told. */
  notice?: PriorWrittenNotice;
  /** A conversation put on the record: when, how, who took part, until when its recap may be disputed. */
  conversation?: StoredConversation;
  /** The logged conversation whose recap this event says is not what was agreed. */
  recapOf?: number;
  /** The same, as English sentences: events written before notes were codes (read through `notesOf`). */
  note?: string;
}

/** A note on an event: a `note.*` code of the message catalog and its parameters. */
export interface EventNote {
  code: `note.${NoteCode}`;
  params?: Record<string, string>;
}

export interface TimelineEvent extends EventContent {
  id: string;
  seq: number;
  /** SHA-256 of the previous event (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 of prevHash and this event's content. */
  hash: string;
}

export const genesisHash = "0".repeat(64);

// Key order fixed by sorting, so the same content always hashes alike whatever wrote it.
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(",")}]`
    : value !== null && typeof value === "object"
      ? `{${Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
          .join(",")}}`
      : JSON.stringify(value);

const contentOf = (event: TimelineEvent): EventContent => {
  const { id: _i, seq: _s, prevHash: _p, hash: _h, ...content } = event;
  return content;
};

export const hashEvent = (prevHash: string, seq: number, content: EventContent) =>
  createHash("sha256")
    .update(`${prevHash}\n${seq}\n${canonical(content)}`)
    .digest("hex");

export const actorOf = (actor: Actor): EventContent["actor"] =>
  actor.kind === "user" ? { kind: "user", id: actor.userId, name: actor.name } : { kind: "system", reason: actor.reason };

export const publicPerson = (person: Person | undefined) => person && { id: person.id, name: person.name };

/** The next event after the concern's head, and the item that appends it (put only if absent). */
export function nextEvent(concern: Pick<Concern, "id" | "head">, content: EventContent) {
  const seq = concern.head.seq + 1;
  const clean = JSON.parse(JSON.stringify(content)) as EventContent;
  const event: TimelineEvent = { id: `${concern.id}.${seq}`, seq, ...clean, prevHash: concern.head.hash, hash: hashEvent(concern.head.hash, seq, clean) };
  return {
    event,
    head: { seq, hash: event.hash },
    // The item's `type` names the item kind, as everywhere in the table; the event's own type is kept as eventType.
    put: putNew({ ...keys.concernEvent(concern.id, seq), ...event, type: "concern-event", eventType: event.type }),
  };
}

/** Recomputes the chain: each event must link to its predecessor and hash to what it stores, up to the concern's head. */
export function verifyChain(events: TimelineEvent[], head: Concern["head"]): { valid: boolean; brokenAt?: number } {
  let prev = genesisHash;
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1 || event.prevHash !== prev || hashEvent(prev, event.seq, contentOf(event)) !== event.hash)
      return { valid: false, brokenAt: index + 1 };
    prev = event.hash;
  }
  return events.length === head.seq && prev === head.hash ? { valid: true } : { valid: false, brokenAt: events.length };
}
