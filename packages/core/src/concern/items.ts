import * as v from "valibot";
import { StoredNotice } from "./notice";
import { StoredConversation } from "./conversation-schema";
import { itemType } from "../dynamo";
import { WaitSpec } from "../workflow/schema";
import { EscalationLevel, actions, eventTypes, noteCodes, outcomes, statuses, type Concern } from "./schema";
import type { TimelineEvent } from "./timeline";

const Person = v.object({ id: v.string(), name: v.string(), email: v.optional(v.string()) });
const Ref = v.object({ id: v.string(), name: v.string() });

/** The stored concern, checked on every read: the workflow and the API both decide from it. */
export const concernItem = itemType<Concern>(
  "concern",
  v.object({
    id: v.string(),
    districtId: v.string(),
    studentId: v.string(),
    studentName: v.string(),
    subject: v.optional(v.string()),
    reference: v.optional(v.string()),
    schoolId: v.optional(v.string()),
    schoolName: v.optional(v.string()),
    parent: Person,
    itemIds: v.array(v.string()),
    items: v.optional(v.array(v.object({ id: v.string(), kind: v.picklist(["accommodation", "modification", "service"]), text: v.string() }))),
    classId: v.optional(v.string()),
    className: v.optional(v.string()),
    happenedOn: v.optional(v.string()),
    stateComplaintFiledOn: v.optional(v.string()),
    description: v.string(),
    desiredResolution: v.optional(v.string()),
    advocateEmail: v.optional(v.string()),
    status: v.picklist(statuses),
    outcome: v.optional(v.picklist(outcomes)),
    level: EscalationLevel,
    assignee: v.optional(Person),
    assignedIds: v.array(v.string()),
    dueAt: v.optional(v.string()),
    levelSince: v.optional(v.string()),
    missedDeadlines: v.optional(v.number()),
    pausedDays: v.optional(v.number()),
    stage: v.picklist(["prepare", "wait", "closed"]),
    wait: v.optional(v.omit(WaitSpec, ["timeoutSeconds"])),
    taskToken: v.optional(v.string()),
    lastAnswer: v.optional(v.object({ action: v.picklist(actions), eventId: v.string() })),
    failures: v.optional(v.array(v.string())),
    head: v.object({ seq: v.number(), hash: v.string() }),
    version: v.number(),
    createdAt: v.string(),
    updatedAt: v.string(),
  }),
);

/** A timeline event as stored: its own type is kept as `eventType` (the item's `type` names the item kind). */
export const concernEventItem = itemType<TimelineEvent>(
  "concern event",
  v.pipe(
    v.object({
      id: v.string(),
      seq: v.number(),
      prevHash: v.string(),
      hash: v.string(),
      eventType: v.picklist(eventTypes),
      at: v.string(),
      actor: v.variant("kind", [
        v.object({ kind: v.literal("user"), id: v.string(), name: v.string() }),
        v.object({ kind: v.literal("system"), reason: v.string() }),
      ]),
      text: v.optional(v.string()),
      level: v.optional(v.string()),
      assignee: v.optional(Ref),
      dueAt: v.optional(v.string()),
      status: v.optional(v.string()),
      outcome: v.optional(v.string()),
      filedOn: v.optional(v.string()),
      note: v.optional(v.string()),
      notice: v.optional(StoredNotice),
      conversation: v.optional(StoredConversation),
      recapOf: v.optional(v.number()),
      notes: v.optional(
        v.array(v.object({ code: v.picklist(noteCodes.map((c) => `note.${c}` as const)), params: v.optional(v.record(v.string(), v.string())) })),
      ),
    }),
    v.transform(({ eventType, ...event }) => ({ ...event, type: eventType })),
  ),
);

/** Links from a person or a student to a concern, in the lists' partitions. */
export const concernLinkItem = itemType("concern link", v.object({ sk: v.string(), concernId: v.string() }));

/** The marker of an open concern (its sort key is the concern id): what the local runner resumes. */
export const openConcernItem = itemType("open concern", v.object({ sk: v.string() }));

/**
 * The first answer to an Idempotency-Key: a replay returns this concern. `requestHash` is the SHA-256
 * of the request it answered, so the same key with another request is refused, never answered with
 * this concern (items written before it was kept have none, and replay as before until their TTL).
 */
export const idempotencyItem = itemType("idempotency key", v.object({ concernId: v.string(), requestHash: v.optional(v.string()) }));

/** An entry of the district's roster source map (only its id is needed here). */
export const sourceMapItem = itemType("roster source", v.object({ id: v.string() }));

/** A district's last concern reference number (the counter moved in each filing's transaction). */
export const referenceCounterItem = itemType("concern reference counter", v.object({ last: v.number() }));

/** A reference's claim, naming its concern: unique by its key, and how a search by reference finds the concern. */
export const referenceItem = itemType("concern reference", v.object({ concernId: v.string() }));
