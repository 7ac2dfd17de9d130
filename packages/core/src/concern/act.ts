import * as v from "valibot";
import type { UserActor } from "../actor";
import { District, type DistrictInfo } from "../district";
import { isStaleTaskToken, workflowEngine } from "../workflow/engine";
import type { Answer } from "../workflow/schema";
import { actionTable, type ConcernAction, type Move } from "./lifecycle";
import { checkAction, staleVersion } from "./rules";
import { ActOnConcern, type Concern, type Person } from "./schema";
import { commit, StaleConcern } from "./store";
import type { EventContent } from "./timeline";
import { afterMove } from "./transitions";
import { clocksIn, emailFlagsOf, loadVisible, toView } from "./view";
import { stateComplaintClockOps } from "./clock-index";
import { completeNotice } from "./notice";
import { conversationOf, recapOfConversation, recapToDispute } from "./conversation";
import { clock, districtToday } from "../clock";
import { VisibleError } from "../error";

/** The concern after the move, and who hears of it (escalations are announced by PrepareLevel, with the new assignee). */
async function apply(
  concern: Concern,
  action: ConcernAction,
  move: Move,
  now: Date,
): Promise<{ after: Concern; emails: { parent: boolean; staff?: Person[] }; timeZone?: string; district: DistrictInfo }> {
  const district = await District.load(concern.districtId);
  if (!district) throw new Error(`District ${concern.districtId} is missing`);
  const tells: readonly string[] = actionTable[action].tells;
  const staff = tells.includes("assignee") && concern.assignee ? [concern.assignee] : [];
  return {
    after: afterMove(concern, move, district, now),
    emails: { parent: tells.includes("parent"), ...(tells.includes("assignee") && { staff }) },
    timeZone: district.timeZone,
    district,
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
    const stays = move.to === "stay";
    // The flags are read before the write (an action keeps the parent and the assignee or clears the assignee), so a failed read changes nothing.
    const [{ after, emails, timeZone, district }, flags] = await Promise.all([apply(concern, input.action, move, now), emailFlagsOf(concern, isGuardian)]);
    // A decline records the prior written notice whole (422 naming each part missing, nothing written).
    const notice = input.action === "decline" ? completeNotice(input.notice, district.noticeSafeguards) : undefined;
    const seq = concern.head.seq + 1;
    const eventId = `${concern.id}.${seq}`;
    const talk = input.action === "log_conversation" ? conversationOf(actor, concern, events, input.conversation!, district, now) : undefined;
    const disputed = input.action === "dispute_recap" ? recapToDispute(actor, events, input.recapOf, now) : undefined;
    const content: EventContent = {
      type: actionTable[input.action].event,
      at: now.toISOString(),
      actor: { kind: "user", id: actor.userId, name: actor.name },
      text: input.text,
      level: concern.level,
      status: after.status,
      outcome: after.outcome,
      dueAt: after.stage === "wait" ? after.dueAt : undefined,
      filedOn: input.filedOn,
      notice,
      conversation: talk?.conversation,
      recapOf: disputed?.seq,
    };
    if (input.filedOn) checkFiledOn(input.filedOn, timeZone, now);
    // A move that stays where it is (a state complaint recorded, a conversation, its recap's answer) answers
    // no wait: the waiting execution keeps its token and its deadline, and the last answer stays.
    const extra = [
      ...(input.filedOn ? await stateComplaintClockOps(concern, input.filedOn) : []),
      ...(talk ? await recapOfConversation(concern, seq, actor.name, input.text!, talk.conversation, talk.recipients, timeZone) : []),
    ];
    // The person whose recap is disputed hears of it.
    const loggedBy = disputed?.actor.kind === "user" ? disputed.actor : undefined;
    const told = loggedBy
      ? loggedBy.id === concern.parent.id
        ? { parent: true }
        : { parent: false, staff: [{ id: loggedBy.id, name: loggedBy.name }] }
      : emails;
    try {
      const saved = await commit({
        before: concern,
        after: stays
          ? { ...after, ...(input.filedOn && { stateComplaintFiledOn: input.filedOn }) }
          : { ...after, lastAnswer: { action: input.action, eventId } },
        events: [content],
        actor,
        audit: { action: `concern.${input.action}`, reason: isGuardian ? "guardian" : "assigned_concern" },
        emails: told,
        timeZone,
        now,
        extra,
        keepsWait: stays,
      });
      if (concern.taskToken && !stays) await resume(concern.taskToken, { kind: "answer", action: input.action, eventId });
      return toView(actor, saved.concern, [...events, ...saved.events], isGuardian, flags, clocksIn(saved.concern, district));
    } catch (error) {
      // The task token was stored meanwhile (same version): decide again; anything else re-reads and answers 409 there
      // (another action on the same version: it no longer fits, or the version has moved on).
      if (error instanceof StaleConcern && attempt < 2) continue;
      throw error;
    }
  }
}

/** A state complaint is filed on a day that has come, in the district's zone. */
function checkFiledOn(filedOn: string, timeZone: string | undefined, now: Date) {
  if (filedOn > districtToday({ timeZone }, now))
    throw new VisibleError(400, "filed_on_future", "The day the state complaint was filed cannot be in the future");
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
