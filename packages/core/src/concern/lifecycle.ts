/**
 * The concern lifecycle, declared once: the escalation ladder, the statuses, the actions, the
 * timeline's event types, and which action may be taken in which status, by whom, and where it
 * leads. The workflow's payload types, the district's deadline settings, the board's levels,
 * `checkAction` and the `can` flags, `act`, the transitions, the workflow steps and who takes a level
 * nobody holds all derive from here. Nothing but types imported: the web bundles it. See docs/concerns.md.
 */

import type { NoteCode } from "./schema";

/**
 * The escalation ladder, lowest level first: a concern climbs it one level at a time, and its
 * position here is the level's order. Each level but the last has a deadline in school days, set
 * per district under `deadlines.<setting>`; `message` is the catalog code of its name.
 */
export const ladder = [
  { level: "teacher", deadline: { setting: "teacher", defaultDays: 3 }, message: "levelName.teacher" },
  { level: "case_manager", deadline: { setting: "case_manager", defaultDays: 5 }, message: "levelName.case_manager" },
  { level: "director", deadline: { setting: "director", defaultDays: 10 }, message: "levelName.director" },
  // A hand-off outside the district: no deadline, ended by the advocate recording the outcome.
  { level: "advocate", deadline: undefined, message: "levelName.advocate" },
] as const;

type Rung = (typeof ladder)[number];
export type EscalationLevel = Rung["level"];
export const levels: readonly EscalationLevel[] = ladder.map((rung) => rung.level);
/** The level's order on the ladder, from 0. */
export const levelOrder = (level: EscalationLevel): number => levels.indexOf(level);
/** The level above, or nothing at the top. */
export const nextLevel = (level: EscalationLevel): EscalationLevel | undefined => levels[levelOrder(level) + 1];
/** The top of the ladder: a climb never goes past it. */
export const topLevel: EscalationLevel = levels[levels.length - 1]!;

/** The district's deadline settings: one per level that has a deadline, in ladder order. */
export type DeadlineSetting = NonNullable<Rung["deadline"]>["setting"];
export const deadlineSettings = ladder.flatMap((rung) => (rung.deadline ? [{ level: rung.level, message: rung.message, ...rung.deadline }] : []));
/** The setting that holds this level's deadline, or nothing (the advocate has none). */
export const deadlineSettingOf = (level: EscalationLevel): DeadlineSetting | undefined => ladder[levelOrder(level)]!.deadline?.setting;

/**
 * Where a concern stands, and the wait it is in: the assignee at its level, or the parent
 * (confirming a resolution, answering a question). `onDeadline` is what happens when that wait ends
 * by itself: the concern climbs, closes with an outcome (and the timeline's note says why), or, with
 * the advocate, the wait is renewed.
 */
export const statusTable = {
  open: { waitsFor: "assignee", onDeadline: { to: "next_level" } },
  awaiting_info: { waitsFor: "parent_info", onDeadline: { to: "closed", outcome: "no_reply", note: "no_answer" } },
  awaiting_confirmation: { waitsFor: "parent_confirmation", onDeadline: { to: "closed", outcome: "resolved_unconfirmed", note: "no_confirmation" } },
  with_advocate: { waitsFor: "assignee", onDeadline: { to: "renewed" } },
  closed: { waitsFor: undefined, onDeadline: undefined },
} as const satisfies Record<string, { waitsFor: string | undefined; onDeadline: { to: string; outcome?: string; note?: NoteCode } | undefined }>;

export type ConcernStatus = keyof typeof statusTable;
export const statuses = Object.keys(statusTable) as ConcernStatus[];
export type WaitKind = NonNullable<(typeof statusTable)[ConcernStatus]["waitsFor"]>;
export const waitKinds = [...new Set(statuses.flatMap((status) => statusTable[status].waitsFor ?? []))] as WaitKind[];
/** The status a concern has while it waits on a level's assignee: the advocate's is a hand-off. */
export const statusAt = (level: EscalationLevel): "open" | "with_advocate" => (level === topLevel ? "with_advocate" : "open");

/** How a concern ended. */
export const outcomes = ["resolved", "resolved_unconfirmed", "withdrawn", "no_reply", "advocate_outcome"] as const;
export type ConcernOutcome = (typeof outcomes)[number];

/** What a timeline event records; each is worded in the message catalog (`event.*`, packages/core/src/messages). */
export const eventTypes = [
  "filed",
  "assigned",
  "escalated",
  "deadline_passed",
  "resolved",
  "declined",
  "info_requested",
  "info_provided",
  "confirmed",
  "disputed",
  "withdrawn",
  "outcome_recorded",
  "state_complaint_recorded",
  "email_undelivered",
  "workflow_failed",
  "conversation_logged",
  "recap_disputed",
] as const;
export type EventType = (typeof eventTypes)[number];

/**
 * Who may take an action: the student's parent, the person the concern waits on at its level, the
 * advocate it was handed to (at any time after: their part outlives the hand-off), or anyone on the
 * concern (the parent and everyone it was ever assigned to).
 */
export type ConcernRole = "guardian" | "assignee" | "advocate" | "participant";

/**
 * The actions, in the order the concern page offers them: the event each records, whether it needs
 * words (what was done, why, the question or the answer), and who hears of it by email (a climb is
 * announced by the next level's assignment, with the new assignee).
 */
export const actionTable = {
  resolve: { event: "resolved", text: "required", tells: ["parent"] },
  // Refusing what the concern asks for: the prior written notice (notice.ts) carries the words, and the parent's recap carries the notice.
  decline: { event: "declined", text: "optional", tells: ["parent"] },
  request_info: { event: "info_requested", text: "required", tells: ["parent"] },
  escalate: { event: "escalated", text: "required", tells: [] },
  provide_info: { event: "info_provided", text: "required", tells: ["parent", "assignee"] },
  confirm: { event: "confirmed", text: "optional", tells: ["parent", "assignee"] },
  dispute: { event: "disputed", text: "required", tells: [] },
  withdraw: { event: "withdrawn", text: "optional", tells: ["parent", "assignee"] },
  record_outcome: { event: "outcome_recorded", text: "required", tells: ["parent", "assignee"] },
  record_state_complaint: { event: "state_complaint_recorded", text: "optional", tells: ["parent", "assignee"] },
  // A conversation on the record: its recap goes to each other participant named (conversation.ts), not the usual recap.
  log_conversation: { event: "conversation_logged", text: "required", tells: [] },
  // "This is not what we agreed", about a logged conversation's recap, within its window (conversation.ts).
  dispute_recap: { event: "recap_disputed", text: "optional", tells: [] },
} as const satisfies Record<string, { event: EventType; text: "required" | "optional"; tells: ReadonlyArray<"parent" | "assignee"> }>;

export type ConcernAction = keyof typeof actionTable;
export const actions = Object.keys(actionTable) as ConcernAction[];

/**
 * Where an action leads: a status where the parent is asked (resuming after the parent's answer is
 * the one way back to `open`), the next level up (`open` there, `with_advocate` at the top), closed
 * with an outcome, or nowhere (`stay`): a fact recorded beside the concern's course, which neither
 * answers the wait nor moves its deadline.
 */
export type Move =
  | { by: readonly ConcernRole[]; to: Exclude<ConcernStatus, "closed" | "with_advocate"> | "next_level" | "stay" }
  | { by: readonly ConcernRole[]; to: "closed"; outcome: ConcernOutcome };

/**
 * Filing a state complaint is the family's right whatever the concern's status, closed included: the
 * state investigates on its own course, and the district may still fix the lapse meanwhile, so the
 * concern stays where it is and its deadlines keep running.
 */
const recordStateComplaint = { record_state_complaint: { by: ["guardian", "advocate"], to: "stay" } } as const;

/** Status × action → who may take it and where it leads. An action missing from a status cannot be taken there. */
export const moves = {
  open: {
    resolve: { by: ["assignee"], to: "awaiting_confirmation" },
    // A refusal is answered like a resolution: the parent accepts it (confirm) or disputes it, which climbs.
    decline: { by: ["assignee"], to: "awaiting_confirmation" },
    escalate: { by: ["assignee"], to: "next_level" },
    request_info: { by: ["assignee"], to: "awaiting_info" },
    withdraw: { by: ["guardian"], to: "closed", outcome: "withdrawn" },
    ...recordStateComplaint,
    log_conversation: { by: ["participant"], to: "stay" },
    dispute_recap: { by: ["participant"], to: "stay" },
  },
  awaiting_info: {
    provide_info: { by: ["guardian"], to: "open" },
    withdraw: { by: ["guardian"], to: "closed", outcome: "withdrawn" },
    ...recordStateComplaint,
    log_conversation: { by: ["participant"], to: "stay" },
    dispute_recap: { by: ["participant"], to: "stay" },
  },
  awaiting_confirmation: {
    confirm: { by: ["guardian"], to: "closed", outcome: "resolved" },
    dispute: { by: ["guardian"], to: "next_level" },
    withdraw: { by: ["guardian"], to: "closed", outcome: "withdrawn" },
    ...recordStateComplaint,
    log_conversation: { by: ["participant"], to: "stay" },
    dispute_recap: { by: ["participant"], to: "stay" },
  },
  with_advocate: {
    record_outcome: { by: ["assignee"], to: "closed", outcome: "advocate_outcome" },
    withdraw: { by: ["guardian"], to: "closed", outcome: "withdrawn" },
    ...recordStateComplaint,
    log_conversation: { by: ["participant"], to: "stay" },
    dispute_recap: { by: ["participant"], to: "stay" },
  },
  closed: { ...recordStateComplaint },
} as const satisfies Record<ConcernStatus, Partial<Record<ConcernAction, Move>>>;

/** The move `action` makes from `status`, or nothing when it cannot be taken there. */
export const moveOf = (status: ConcernStatus, action: ConcernAction): Move | undefined => (moves[status] as Partial<Record<ConcernAction, Move>>)[action];

/** Who may ever take `action`, in any status. */
export const rolesFor = (action: ConcernAction): ConcernRole[] => [...new Set(statuses.flatMap((status) => moveOf(status, action)?.by ?? []))];

/** The status a move leads to from a concern at `level` in `status`. */
export const statusAfter = (move: Move, level: EscalationLevel, status: ConcernStatus): ConcernStatus =>
  move.to === "next_level" ? statusAt(nextLevel(level) ?? topLevel) : move.to === "stay" ? status : move.to;

/** The actions that need no words. */
export const textOptional = actions.filter((action) => actionTable[action].text === "optional");

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
/** The name of an action's flag in a concern's `can` (`request_info` → `requestInfo`). */
export type CanFlag<A extends ConcernAction = ConcernAction> = Camel<A>;
export const canFlagOf = <A extends ConcernAction>(action: A): CanFlag<A> =>
  action.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()) as CanFlag<A>;
