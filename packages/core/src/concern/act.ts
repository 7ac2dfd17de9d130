import * as v from "valibot";
import type { UserActor } from "../actor";
import { District } from "../district";
import { isStaleTaskToken, workflowEngine } from "../workflow/engine";
import type { Answer } from "../workflow/schema";
import { actionTable, type ConcernAction, type Move } from "./lifecycle";
import { checkAction, staleVersion } from "./rules";
import { ActOnConcern, type Concern, type Person } from "./schema";
import { commit, StaleConcern } from "./store";
import type { EventContent } from "./timeline";
import { afterMove } from "./transitions";
import { completeNotice } from "./notice";
import { emailFlagsOf, loadVisible, toView } from "./view";
import { clock } from "../clock";

/** The concern after the move, and who hears of it (escalations are announced by PrepareLevel, with the new assignee). */
async function apply(
  concern: Concern,
  action: ConcernAction,
  move: Move,
  now: Date,
): Promise<{ after: Concern; emails: { parent: boolean; staff?: Person[] }; timeZone?: string; safeguards?: string }> {
  const district = await District.load(concern.districtId);
  if (!district) throw new Error(`District ${concern.districtId} is missing`);
  const tells: readonly string[] = actionTable[action].tells;
  const staff = tells.includes("assignee") && concern.assignee ? [concern.assignee] : [];
  return {
    after: afterMove(concern, move, district, now),
    emails: { parent: tells.includes("parent"), ...(tells.includes("assignee") && { staff }) },
    timeZone: district.timeZone,
    safeguards: district.noticeSafeguards,
  };
}

/**
 * Someone acts on a concern, against the version of it they saw. The action is recorded with a
 * write conditional on the version and task token read, then the waiting execution is resumed. An
 * action that no longer fits (a deadline or another answer got there first) is a 409 naming where
 * the concern went; one that still fits a concern changed since that version is a 409 `conflict`.
 */
export async function actOnConcern(actor: UserActor, body: unknown, at: () => Date = () => clock.now()) {
  const input = v.parse(ActOnConcern, body);
  for (let attempt = 0; ; attempt++) {
    const { concern, events, isGuardian } = await loadVisible(actor, input.id);
    const move = checkAction(actor, concern, input.action, isGuardian, events.at(-1)?.type);
    if (concern.version !== input.version) throw staleVersion(concern, events.at(-1)?.type);
    const now = at();
    // The flags are read before the write (an action keeps the parent and the assignee or clears the assignee), so a failed read changes nothing.
    const [{ after, emails, timeZone, safeguards }, flags] = await Promise.all([apply(concern, input.action, move, now), emailFlagsOf(concern, isGuardian)]);
    // A decline records the prior written notice whole (422 naming each part missing, nothing written).
    const notice = input.action === "decline" ? completeNotice(input.notice, safeguards) : undefined;
    const eventId = `${concern.id}.${concern.head.seq + 1}`;
    const content: EventContent = {
      type: actionTable[input.action].event,
      at: now.toISOString(),
      actor: { kind: "user", id: actor.userId, name: actor.name },
      text: input.text,
      level: concern.level,
      status: after.status,
      outcome: after.outcome,
      dueAt: after.stage === "wait" ? after.dueAt : undefined,
      notice,
    };
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
      if (concern.taskToken) await resume(concern.taskToken, { kind: "answer", action: input.action, eventId });
      return toView(actor, saved.concern, [...events, ...saved.events], isGuardian, flags);
    } catch (error) {
      // The task token was stored meanwhile (same version): decide again; anything else re-reads and answers 409 there
      // (another action on the same version: it no longer fits, or the version has moved on).
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
