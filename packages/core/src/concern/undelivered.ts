import { getItem, keys, transact } from "../dynamo";
import { isConditionFailure } from "../error";
import { concernItem } from "./items";
import { nextEvent } from "./timeline";
import { clock } from "../clock";

const attempts = 5;

/**
 * An email about a concern that the outbox gave up on: appended to the concern's timeline, so the
 * parent and staff see that a message did not arrive. One transaction with the concern's new head
 * (conditional on its version, leaving the workflow's task token alone: the concern does not move)
 * and the email record marked failed, conditional on not being so yet: a repeat records nothing twice.
 */
export async function recordUndelivered(outbox: { concernId: string; id: string; createdAt: string }): Promise<void> {
  const mailKey = keys.concernEmail(outbox.concernId, outbox.createdAt, outbox.id);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const [concern, mail] = await Promise.all([
      getItem(concernItem, keys.concern(outbox.concernId), true),
      getItem<{ toName?: string; role?: string; status?: string }>(mailKey, true),
    ]);
    if (!concern || !mail || mail.status === "failed") return;
    const now = clock.iso();
    const code = mail.role === "parent" ? "note.email_undelivered_parent" : "note.email_undelivered";
    const { put, head } = nextEvent(concern, {
      type: "email_undelivered",
      at: now,
      actor: { kind: "system", reason: "workflow" },
      notes: [{ code, params: { name: mail.toName ?? "" } }],
    });
    try {
      await transact([
        {
          update: keys.concern(concern.id),
          expression: "SET #head = :head, #v = :next, updatedAt = :now",
          condition: "#v = :v",
          names: { "#head": "head", "#v": "version" },
          values: { ":head": head, ":next": concern.version + 1, ":v": concern.version, ":now": now },
        },
        put,
        {
          update: mailKey,
          expression: "SET #s = :failed, failedAt = :now",
          condition: "attribute_exists(pk) AND (attribute_not_exists(#s) OR #s <> :failed)",
          names: { "#s": "status" },
          values: { ":failed": "failed", ":now": now },
        },
      ]);
      return;
    } catch (error) {
      if (!isConditionFailure(error) || attempt === attempts) throw error;
    }
  }
}
