import { Actor } from "../actor";
import { District } from "../district";
import { fromItem, keys, updateItem } from "../dynamo";
import { isConditionFailure } from "../error";
import { workflowEngine } from "../workflow/engine";
import type { ApplyOutcomeInput, Position, PrepareLevelInput, RecordFailureInput, WaitForAnswerInput, Waiting } from "../workflow/schema";
import type { WorkflowSteps } from "../workflow/steps";
import { assignmentAt, districtAdmins, loadStudentAndDistrict } from "./people";
import { statusTable } from "./lifecycle";
import type { Concern } from "./schema";
import { commit, loadConcern, loadWithTimeline, StaleConcern } from "./store";
import { publicPerson } from "./timeline";
import { advocateWait, close, climb, enterLevel, positionOf, waitSpec } from "./transitions";
import { concernItem } from "./items";
import { clock } from "../clock";

const workflowReason = "workflow" as const;
const attempts = 3;

async function mustLoad(id: string): Promise<Concern> {
  const concern = await loadConcern(id);
  if (!concern) throw Object.assign(new Error(`Concern ${id} does not exist`), { name: "Fidelio.ConcernMissing" });
  return concern;
}

/** Runs `step` on a fresh read until its conditional write lands or the concern has moved on by itself. */
async function withFreshConcern<T>(id: string, step: (concern: Concern) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step(await mustLoad(id));
    } catch (error) {
      if (!(error instanceof StaleConcern) || attempt >= attempts) throw error;
    }
  }
}

async function prepareLevel({ concernId }: PrepareLevelInput, at: () => Date = () => clock.now()): Promise<Waiting> {
  return withFreshConcern(concernId, async (concern) => {
    const now = at();
    // Closed meanwhile (withdrawn): a one-second wait that WaitForAnswer ends at once, then ApplyOutcome closes.
    if (concern.stage === "closed")
      return {
        concernId,
        next: "wait",
        wait: { for: "assignee", level: concern.level, deadline: new Date(now.getTime() + 1000).toISOString(), timeoutSeconds: 1 },
      };
    // Already prepared (a retried invocation, a restarted execution): the same wait, nothing written.
    if (concern.stage === "wait" && concern.wait) return { concernId, next: "wait", wait: waitSpec(concern.wait, now) };
    const { record, district } = await loadStudentAndDistrict(concern.studentId);
    if (!record || !district) throw new Error(`The student or district of concern ${concernId} is missing`);
    const assignment = await assignmentAt(concern.level, concern, record, district);
    const after = enterLevel(concern, assignment, district, now);
    const previous = (await loadWithTimeline(concernId))?.events.at(-1);
    const { concern: saved } = await commit({
      before: concern,
      after,
      events: [
        {
          type: "assigned",
          at: now.toISOString(),
          actor: { kind: "system", reason: "workflow" },
          level: after.level,
          assignee: publicPerson(after.assignee),
          dueAt: after.dueAt,
          notes: assignment.notes,
        },
      ],
      actor: Actor.system("workflow", concern.districtId),
      audit: { action: "concern.assign", reason: workflowReason },
      // The recap says why it moved (the dispute, escalation or missed deadline just before) and where it is now.
      emails: { parent: true, staff: after.assignee ? [after.assignee] : [] },
      timeZone: district.timeZone,
      extra: assignment.creates,
      recapAlso: previous,
      now,
    });
    return { concernId, next: "wait", wait: waitSpec(saved.wait!, now) };
  });
}

async function waitForAnswer({ concernId, wait, taskToken }: WaitForAnswerInput): Promise<void> {
  try {
    await updateItem(keys.concern(concernId), "SET #t = :t", {
      condition: "#stage = :wait AND #w.#for = :for AND #w.#level = :level AND #w.deadline = :deadline",
      names: { "#t": "taskToken", "#stage": "stage", "#w": "wait", "#for": "for", "#level": "level" },
      values: { ":t": taskToken, ":wait": "wait", ":for": wait.for, ":level": wait.level, ":deadline": wait.deadline },
    });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // The concern left this wait before its token was stored (an answer got there first): end the wait now,
    // and ApplyOutcome carries on from what the concern records.
    await workflowEngine().sendTaskSuccess(taskToken, { kind: "resume" });
  }
}

async function applyOutcome({ concernId, outcome }: ApplyOutcomeInput, at: () => Date = () => clock.now()): Promise<Position> {
  return withFreshConcern(concernId, async (concern) => {
    const now = at();
    // Only the wait whose token the concern holds can time out: any transition removes the token, so a
    // deadline that lost to an answer, or a duplicated timeout, finds none and changes nothing.
    if (outcome.kind !== "timeout" || concern.stage !== "wait" || !concern.taskToken || !concern.wait) return positionOf(concern, now);
    const onDeadline = statusTable[concern.status].onDeadline;
    if (!onDeadline) return positionOf(concern, now);
    if (onDeadline.to === "renewed") {
      const renewed = await renewAdvocateWait(concern, now);
      return positionOf(renewed, now);
    }
    const district = await District.load(concern.districtId);
    // A deadline the staff let pass is counted: the board shows the concern overdue and the school's missed deadlines.
    const after =
      onDeadline.to === "next_level" ? { ...climb(concern), missedDeadlines: (concern.missedDeadlines ?? 0) + 1 } : close(concern, onDeadline.outcome);
    const notes = "note" in onDeadline ? [{ code: `note.${onDeadline.note}` as const }] : undefined;
    const { concern: saved } = await commit({
      before: concern,
      after,
      events: [
        {
          type: "deadline_passed",
          at: now.toISOString(),
          actor: { kind: "system", reason: "deadline_passed" },
          level: concern.level,
          assignee: publicPerson(concern.assignee),
          status: after.status,
          outcome: after.outcome,
          notes,
        },
      ],
      actor: Actor.system("deadline_passed", concern.districtId),
      audit: { action: "concern.deadline", reason: workflowReason },
      // A climb is announced by PrepareLevel next, with the new assignee; a closing is announced now.
      emails: after.stage === "closed" ? { parent: true, staff: concern.assignee ? [concern.assignee] : [] } : { parent: false },
      timeZone: district?.timeZone,
      now,
    });
    return positionOf(saved, now);
  });
}

async function renewAdvocateWait(concern: Concern, now: Date): Promise<Concern> {
  const wait = advocateWait(now);
  try {
    const item = await updateItem(keys.concern(concern.id), "SET #w = :w, #v = :next REMOVE #t", {
      condition: "#v = :v AND #t = :t",
      names: { "#w": "wait", "#v": "version", "#t": "taskToken" },
      values: { ":w": wait, ":v": concern.version, ":next": concern.version + 1, ":t": concern.taskToken },
    });
    return fromItem(concernItem, item);
  } catch (error) {
    if (isConditionFailure(error)) throw new StaleConcern();
    throw error;
  }
}

async function recordFailure({ concernId, executionName, failure }: RecordFailureInput): Promise<void> {
  const key = `${executionName}:${failure.Error}`;
  const concern = await loadConcern(concernId);
  if (!concern || concern.failures?.includes(key)) return;
  await withFreshConcern(concernId, async (fresh) => {
    if (fresh.failures?.includes(key)) return;
    await commit({
      before: fresh,
      after: { ...fresh, failures: [...(fresh.failures ?? []), key] },
      events: [{ type: "workflow_failed", at: clock.iso(), actor: { kind: "system", reason: "workflow" }, text: failure.Error }],
      actor: Actor.system("workflow", fresh.districtId),
      audit: { action: "concern.workflow-failed", reason: workflowReason },
      emails: { parent: false, staff: await districtAdmins(fresh.districtId) },
    });
  });
}

/** The concern module's implementation of the workflow seam (packages/core/src/workflow/steps.ts). */
export const concernSteps: WorkflowSteps = { prepareLevel, waitForAnswer, applyOutcome, recordFailure };

/** The same steps at a given moment: only the demo seed, which tells its story in the past, passes one. */
export const concernStepsAt = (at: () => Date) => ({
  prepareLevel: (input: PrepareLevelInput) => prepareLevel(input, at),
  applyOutcome: (input: ApplyOutcomeInput) => applyOutcome(input, at),
});
