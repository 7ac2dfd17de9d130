import * as v from "valibot";
import { IsoDate } from "../iep/schema";

/**
 * A conversation put on a concern's record, and the answer "this is not what we agreed" to its recap.
 * No AWS imports: the web's forms use these shapes.
 */
export const conversationModes = ["phone", "meeting", "in_person", "video"] as const;
export type ConversationMode = (typeof conversationModes)[number];

/** School days the other participants have to say a recap is not what was agreed. */
export const recapDisputeDays = 5;

/** `log_conversation`'s details (its words are the action's `text`); `with` defaults to everyone on the concern. */
export const ConversationInput = v.object({
  on: IsoDate,
  mode: v.picklist(conversationModes, "Phone, meeting, in person or video"),
  with: v.optional(v.pipe(v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(40))), v.minLength(1, "Name at least one person"), v.maxLength(30))),
});
export type ConversationInput = v.InferOutput<typeof ConversationInput>;

/** As stored on the `conversation_logged` event: who took part, and until when the recap may be disputed. */
export const StoredConversation = v.object({
  on: v.string(),
  mode: v.picklist(conversationModes),
  with: v.array(v.object({ id: v.string(), name: v.string() })),
  disputeBy: v.string(),
});
export type StoredConversation = v.InferOutput<typeof StoredConversation>;
