import { Access } from "../access";
import type { UserActor } from "../actor";
import { VisibleError } from "../error";
import type { StudentRecord } from "../student";
import type { Concern, ConcernAction } from "./schema";

/** Why the actor may see this concern (written to the audit trail), or nothing: then 404. Decided by Access alone. */
export const seeingReason = (actor: UserActor, concern: Concern, record: StudentRecord | undefined) => Access.concernReason(actor, concern, Access.tiesTo(actor, record));

const parentActions: ConcernAction[] = ["provide_info", "confirm", "dispute", "withdraw"];

const levelWords: Record<string, string> = { teacher: "the teacher", case_manager: "the case manager", director: "the special-education director", advocate: "the advocate" };

/** The state in words, for a 409: "the deadline passed; now with the case manager". */
export function stateInWords(concern: Concern, lastEventType?: string): string {
  if (concern.stage === "closed") return `the concern is closed (${concern.outcome})`;
  const where = `now with ${levelWords[concern.level]}${concern.assignee ? ` (${concern.assignee.name})` : ""}`;
  const why = lastEventType === "deadline_passed" ? "the deadline passed; " : "";
  if (concern.status === "awaiting_info") return `${why}the concern is waiting for the parent's answer`;
  if (concern.status === "awaiting_confirmation") return `${why}the concern is waiting for the parent's confirmation`;
  return `${why}${where}`;
}

/**
 * Throws what the API answers when `actor` may not take `action` now: 403 for the wrong person,
 * 409 naming the state for an action that does not fit it (including someone who held the concern
 * a moment ago). The caller has already checked the actor may see the concern.
 */
export function checkAction(actor: UserActor, concern: Concern, action: ConcernAction, isGuardian: boolean, lastEventType?: string): void {
  const refuse = () => new VisibleError(409, "wrong_state", `This cannot be done now: ${stateInWords(concern, lastEventType)}.`);
  if (parentActions.includes(action)) {
    if (!isGuardian) throw new VisibleError(403, "forbidden", "Only the student's parent can do this");
    const fits =
      concern.stage !== "closed" &&
      (action === "withdraw" || (action === "provide_info" && concern.status === "awaiting_info") || ((action === "confirm" || action === "dispute") && concern.status === "awaiting_confirmation"));
    if (!fits) throw refuse();
    return;
  }
  const isAssignee = concern.assignee?.id === actor.userId;
  if (!isAssignee && !concern.assignedIds.includes(actor.userId)) throw new VisibleError(403, "forbidden", "Only the person the concern is with can do this");
  const atAdvocate = concern.level === "advocate";
  const fits = isAssignee && concern.stage === "wait" && (action === "record_outcome" ? atAdvocate && concern.status === "with_advocate" : !atAdvocate && concern.status === "open");
  if (!fits) throw refuse();
}

export function canFlags(actor: UserActor, concern: Concern, isGuardian: boolean) {
  const may = (action: ConcernAction) => {
    try {
      checkAction(actor, concern, action, isGuardian);
      return true;
    } catch {
      return false;
    }
  };
  return {
    resolve: may("resolve"),
    escalate: may("escalate"),
    requestInfo: may("request_info"),
    provideInfo: may("provide_info"),
    confirm: may("confirm"),
    dispute: may("dispute"),
    withdraw: may("withdraw"),
    recordOutcome: may("record_outcome"),
  };
}
