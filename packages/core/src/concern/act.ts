import * as v from "valibot";
import type { UserActor } from "../actor";
import { District } from "../district";
import { isStaleTaskToken, workflowEngine } from "../workflow/engine";
import type { Answer } from "../workflow/schema";
import { checkAction } from "./rules";
import { ActOnConcern, type Concern, type ConcernAction, type EventType, type Person } from "./schema";
import { commit, StaleConcern } from "./store";
import type { EventContent } from "./timeline";
import { awaitParent, climb, close, resumeAfterInfo } from "./transitions";
import { emailFlagsOf, loadVisible, toView } from "./view";
import { clock } from "../clock";

const eventType: Record<ConcernAction, EventType> = {
  resolve: "resolved",
  escalate: "escalated",
  request_info: "info_requested",
  provide_info: "info_provided",
  confirm: "confirmed",
  dispute: "disputed",
  withdraw: "withdrawn",
  record_outcome: "outcome_recorded",
};

/** The concern after `action`, and who hears of it (escalations are announced by PrepareLevel, with the new assignee). */
async function apply(concern: Concern, action: ConcernAction, now: Date): Promise<{ after: Concern; emails: { parent: boolean; staff?: Person[] }; timeZone?: string }> {
  const district = await District.load(concern.districtId);
  if (!district) throw new Error(`District ${concern.districtId} is missing`);
  const assignee = concern.assignee ? [concern.assignee] : [];
  switch (action) {
    case "resolve":
      return { after: awaitParent(concern, "parent_confirmation", district, now), emails: { parent: true }, timeZone: district.timeZone };
    case "request_info":
      return { after: awaitParent(concern, "parent_info", district, now), emails: { parent: true }, timeZone: district.timeZone };
    case "provide_info":
      return { after: resumeAfterInfo(concern, district, now), emails: { parent: true, staff: assignee }, timeZone: district.timeZone };
    case "escalate":
    case "dispute":
      return { after: climb(concern), emails: { parent: false }, timeZone: district.timeZone };
    case "confirm":
      return { after: close(concern, "resolved"), emails: { parent: true, staff: assignee }, timeZone: district.timeZone };
    case "withdraw":
      return { after: close(concern, "withdrawn"), emails: { parent: true, staff: assignee }, timeZone: district.timeZone };
    case "record_outcome":
      return { after: close(concern, "advocate_outcome"), emails: { parent: true, staff: assignee }, timeZone: district.timeZone };
  }
}

/**
 * Someone acts on a concern. The action is recorded with a write conditional on the version and
 * task token read, then the waiting execution is resumed; a deadline that got there first makes
 * this a 409 naming where the concern went.
 */
export async function actOnConcern(actor: UserActor, body: unknown, at: () => Date = () => clock.now()) {
  const input = v.parse(ActOnConcern, body);
  for (let attempt = 0; ; attempt++) {
    const { concern, events, isGuardian } = await loadVisible(actor, input.id);
    checkAction(actor, concern, input.action, isGuardian, events.at(-1)?.type);
    const now = at();
    // The flags are read before the write (an action keeps the parent and the assignee or clears the assignee), so a failed read changes nothing.
    const [{ after, emails, timeZone }, flags] = await Promise.all([apply(concern, input.action, now), emailFlagsOf(concern, isGuardian)]);
    const eventId = `${concern.id}.${concern.head.seq + 1}`;
    const content: EventContent = { type: eventType[input.action], at: now.toISOString(), actor: { kind: "user", id: actor.userId, name: actor.name }, text: input.text, level: concern.level, status: after.status, outcome: after.outcome, dueAt: after.stage === "wait" ? after.dueAt : undefined };
    try {
      const saved = await commit({
        before: concern,
        after: { ...after, lastAnswer: { action: input.action, eventId } },
        events: [content],
        actor,
        audit: { action: `concern.${input.action}`, reason: isGuardian ? "guardian" : "assigned_concern" },
        emails,
        timeZone,
        now,
      });
      if (concern.taskToken) await resume(concern.taskToken, { kind: "answer", action: input.action as Answer["action"], eventId });
      return toView(actor, saved.concern, [...events, ...saved.events], isGuardian, flags);
    } catch (error) {
      // The task token was stored meanwhile (same version): decide again; anything else re-reads and answers 409 there.
      if (error instanceof StaleConcern && attempt < 2) continue;
      throw error;
    }
  }
}

async function resume(token: string, answer: Answer) {
  try {
    await workflowEngine().sendTaskSuccess(token, answer);
  } catch (error) {
    // The wait ended meanwhile (its deadline): ApplyOutcome finds the answer on the concern and carries on from it.
    if (isStaleTaskToken(error)) return;
    console.error(JSON.stringify({ level: "error", msg: "resuming the workflow failed", name: (error as Error).name, message: (error as Error).message }));
  }
}
