import * as v from "valibot";
import { IsoDate } from "../iep/schema";
import { Email, Language } from "../user/schema";
import { missingFields } from "../problem";
import { EscalationLevel, type WaitSpec } from "../workflow/schema";
import { NoticeInput } from "./notice";
import { ConversationInput } from "./conversation-schema";
import { Cursor } from "../paging/cursor";
import { actions, statuses, textOptional, type ConcernAction, type ConcernOutcome, type ConcernStatus } from "./lifecycle";

/** Concern shapes; no AWS imports, so the web's forms can reuse them. The lifecycle itself is declared in lifecycle.ts. */
export { EscalationLevel };
export { actions, eventTypes, levels, nextLevel, outcomes, statuses } from "./lifecycle";
export type { ConcernAction, ConcernOutcome, ConcernStatus, EventType } from "./lifecycle";
/**
 * Why the timeline took a turn, stored on the event as a code with parameters (`notes`) and worded by
 * the catalog (`note.*`) in the reader's language. Add a code here, then its entry in the catalog.
 */
export const noteCodes = [
  "no_class",
  "class_without_teacher",
  "no_case_manager",
  "no_director",
  "no_advocate",
  "no_confirmation",
  "no_answer",
  "email_undelivered",
  "email_undelivered_parent",
] as const;
export type NoteCode = (typeof noteCodes)[number];

/** Days the parent has to confirm a resolution, and to answer a request for information. */
export const confirmationDays = 5;
export const infoReplyDays = 10;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(max, `At most ${max} characters`));
const ConcernId = v.pipe(v.string(), v.regex(/^con_[0-9a-z]{26}$/, "Not a concern id"));

export const FileConcern = v.object({
  studentId: v.pipe(v.string(), v.regex(/^stu_[0-9a-z]{26}$/, "Not a student id")),
  itemIds: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(64))), v.minLength(1, "Pick at least one support from the IEP"), v.maxLength(30)),
  classId: v.optional(v.pipe(v.string(), v.nonEmpty(), v.maxLength(80))),
  happenedOn: v.optional(IsoDate),
  description: text(4000),
  desiredResolution: v.optional(text(2000)),
  advocateEmail: v.optional(Email),
});
export type FileConcern = v.InferOutput<typeof FileConcern>;

/** The Idempotency-Key header: a client-made unique string per filing attempt. */
export const IdempotencyKey = v.pipe(
  v.string("Send an Idempotency-Key header"),
  v.trim(),
  v.minLength(8, "Idempotency-Key: at least 8 characters"),
  v.maxLength(200),
);
/** The headers of POST /api/concerns (header names arrive in lower case). */
export const FileConcernHeaders = v.object({ "idempotency-key": IdempotencyKey }, missingFields({ "idempotency-key": "Send an Idempotency-Key header" }));

const actionEntries = {
  action: v.picklist(actions, "Not an action"),
  text: v.optional(text(4000)),
  /** The concern's version the action was made against: a concern changed since answers 409 and nothing is done. */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** `record_state_complaint`: the day the state complaint was filed. */
  filedOn: v.optional(IsoDate),
  /** A decline's prior written notice (notice.ts); its missing parts answer 422, each named. */
  notice: v.optional(NoticeInput),
  /** A logged conversation's when, how and with whom (conversation-schema.ts); its words are `text`. */
  conversation: v.optional(ConversationInput),
  /** The timeline number of the logged conversation whose recap is not what was agreed. */
  recapOf: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
};
const askForVersion = missingFields({ version: "Send the version of the concern you acted on" });
const hasWords = (a: { action: ConcernAction; text?: string }) => a.text !== undefined || textOptional.includes(a.action);
const wordsMissing = "Say what was done, why, or what you ask or answer";
const hasFiledOn = (a: { action: ConcernAction; filedOn?: string }) => (a.action === "record_state_complaint") === (a.filedOn !== undefined);
const filedOnMisplaced = "Give the day the state complaint was filed (and only with record_state_complaint)";
const noticeFits = (a: { action: ConcernAction; notice?: unknown }) => a.notice === undefined || a.action === "decline";
const noticeMisplaced = "Only a decline carries a prior written notice";
const detailsFit = (a: { action: ConcernAction; conversation?: unknown; recapOf?: unknown }) =>
  (a.conversation !== undefined) === (a.action === "log_conversation") && (a.recapOf !== undefined) === (a.action === "dispute_recap");
const detailsMissing = "A logged conversation needs `conversation` (on, mode); an answer to a recap needs `recapOf`; no other action takes either";
/** The body of POST /api/concerns/:id/actions. */
export const ActionBody = v.pipe(
  v.object(actionEntries, askForVersion),
  v.forward(
    v.check((a) => hasWords(a), wordsMissing),
    ["text"],
  ),
  v.forward(
    v.check((a) => hasFiledOn(a), filedOnMisplaced),
    ["filedOn"],
  ),
  v.forward(
    v.check((a) => noticeFits(a), noticeMisplaced),
    ["notice"],
  ),
  v.forward(
    v.check((a) => detailsFit(a), detailsMissing),
    ["conversation"],
  ),
);
/** An action on one concern: the route's id beside the body, with the body's rules declared once above. */
export const ActOnConcern = v.intersect([v.object({ id: ConcernId }), ActionBody]);
export type ActOnConcern = v.InferOutput<typeof ActOnConcern>;

export const ConcernRef = v.object({ id: v.string() });
/**
 * The packet in `lang`, else in the reader's stored language. `form=state-complaint` prints it in the
 * order a state complaint takes (34 CFR 300.153(b)), with the child's address only when given here.
 */
export const PacketLanguage = v.object({
  lang: v.optional(Language),
  form: v.optional(v.picklist(["evidence", "state-complaint"], "evidence or state-complaint")),
  address: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300, "At most 300 characters"))),
});
export const PacketQuery = v.object({ id: v.string(), ...PacketLanguage.entries });

export const ListConcerns = v.object({
  status: v.optional(v.picklist(statuses)),
  level: v.optional(EscalationLevel),
  studentId: v.optional(v.pipe(v.string(), v.maxLength(40))),
  /** A reference ("C-1042") finds that concern; other text keeps the concerns whose subject, student or reference contains it. */
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(80, "At most 80 characters"))),
  cursor: Cursor,
});

export interface Person {
  id: string;
  name: string;
  /** Absent for someone the roster gave no email: they get no email until it does. */
  email?: string;
}

export interface ConcernItem {
  id: string;
  kind: "accommodation" | "modification" | "service";
  text: string;
}

/** The concern item: what the workflow and the API read their state from. */
export interface Concern {
  id: string;
  districtId: string;
  studentId: string;
  studentName: string;
  /** What it is about, for lists: the supports named and the class ("Extended time · Grade 3 (Room 12)"; naming.ts). */
  subject?: string;
  /** The district's short reference, shown to people and searchable ("C-1042"); the long id stays in URLs. */
  reference?: string;
  /** The student's school when filed (the director's board groups and filters by it). */
  schoolId?: string;
  schoolName?: string;
  /** The parent who filed it. */
  parent: Person;
  itemIds: string[];
  /** The supports named, worded as in the IEP in effect at filing (a later amendment may reword or drop them). */
  items?: ConcernItem[];
  classId?: string;
  className?: string;
  happenedOn?: string;
  /** The day the parent (or the advocate) says a state complaint about this was filed: the state's clock to decide starts then. */
  stateComplaintFiledOn?: string;
  description: string;
  desiredResolution?: string;
  advocateEmail?: string;
  status: ConcernStatus;
  outcome?: ConcernOutcome;
  level: EscalationLevel;
  assignee?: Person;
  /** Everyone ever assigned: they keep seeing the concern. */
  assignedIds: string[];
  /** When the current wait ends by itself (an instant); none at the advocate level. */
  dueAt?: string;
  /** When the concern reached its current level. */
  levelSince?: string;
  /** Deadlines the staff let pass on this concern: it shows as overdue on the board from the first. */
  missedDeadlines?: number;
  /** School days the assignee had left when they asked the parent for information. */
  pausedDays?: number;
  /** Where the workflow stands: a level to prepare, a wait, or nothing more. */
  stage: "prepare" | "wait" | "closed";
  wait?: Omit<WaitSpec, "timeoutSeconds">;
  /** The current wait's callback token; removed by every transition, so its presence names the current wait. */
  taskToken?: string;
  lastAnswer?: { action: ConcernAction; eventId: string };
  failures?: string[];
  /** The last timeline event: its sequence number and hash. */
  head: { seq: number; hash: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}
