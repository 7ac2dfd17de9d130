import { Actor } from "../actor";
import { Audit } from "../audit";
import type { Message } from "../email";
import { putNew, transact } from "../dynamo";
import { isConditionFailure } from "../error";
import { Outbox } from "../outbox";
import { clock } from "../clock";

const KEEP_MARKER_DAYS = 60;

/**
 * One email per person and week: the marker and the outbox item commit together, or neither does.
 * `marker` is the email's once-only key: its put is conditional, so a second run finds it and sends nothing.
 */
export async function sendOnce(districtId: string, week: string, marker: { pk: string; sk: string }, message: Message, studentIds: string[]) {
  const system = Actor.system("schedule", districtId);
  const ttl = Math.ceil(clock.ms() / 1000) + KEEP_MARKER_DAYS * 86_400;
  try {
    await transact([
      putNew({ ...marker, type: "reminder-sent", at: clock.iso(), ttl }),
      Outbox.email(message),
      ...[...new Set(studentIds)]
        .slice(0, 90)
        .map((studentId) => putNew(Audit.itemFor(system, { studentId, action: "fidelity.reminder", record: `fidelity-form:${week}`, reason: "schedule" }))),
    ]);
    return 1;
  } catch (error) {
    if (isConditionFailure(error)) return 0;
    throw error;
  }
}
