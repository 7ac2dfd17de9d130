import { addSchoolDays, levelDeadline, schoolDaysBetween, secondsUntil } from "../calendar";
import type { DistrictInfo } from "../district";
import { maxWaitSeconds, type Position, type WaitSpec } from "../workflow/schema";
import type { Assignment } from "./people";
import { deadlineSettingOf, nextLevel, statusAt, statusTable, topLevel, type ConcernOutcome, type Move } from "./lifecycle";
import { confirmationDays, infoReplyDays, type Concern } from "./schema";
import { clock } from "../clock";

/**
 * How a concern moves, as pure functions of the concern as read: the verbs and the workflow steps
 * compute the next concern with these, then commit it conditionally (store.ts).
 */

// The advocate has no deadline: the wait is renewed before a Standard execution's one-year limit.
const advocateWaitSeconds = maxWaitSeconds - 7 * 86_400;

export const advocateWait = (now: Date) => ({
  for: "assignee" as const,
  level: topLevel,
  deadline: new Date(now.getTime() + advocateWaitSeconds * 1000).toISOString(),
});

export function enterLevel(concern: Concern, assignment: Assignment, district: DistrictInfo, now: Date): Concern {
  const { level, assignee } = assignment;
  const assignedIds = assignee && !concern.assignedIds.includes(assignee.id) ? [...concern.assignedIds, assignee.id] : concern.assignedIds;
  const base = {
    ...concern,
    level,
    assignee,
    assignedIds,
    stage: "wait" as const,
    status: statusAt(level),
    pausedDays: undefined,
    levelSince: now.toISOString(),
  };
  const setting = deadlineSettingOf(level);
  if (!setting) return { ...base, dueAt: undefined, wait: advocateWait(now) };
  const deadline = levelDeadline(district, setting, now).toISOString();
  return { ...base, dueAt: deadline, wait: { for: "assignee", level, deadline } };
}

/** On to the next level, which the workflow's PrepareLevel assigns. */
export function climb(concern: Concern): Concern {
  const level = nextLevel(concern.level) ?? topLevel;
  return { ...concern, level, stage: "prepare", status: statusAt(level), assignee: undefined, dueAt: undefined, wait: undefined, pausedDays: undefined };
}

export function close(concern: Concern, outcome: ConcernOutcome): Concern {
  return { ...concern, stage: "closed", status: "closed", outcome, dueAt: undefined, wait: undefined, pausedDays: undefined };
}

export function awaitParent(concern: Concern, status: "awaiting_confirmation" | "awaiting_info", district: DistrictInfo, now: Date): Concern {
  const deadline = addSchoolDays(district, now, status === "awaiting_confirmation" ? confirmationDays : infoReplyDays).toISOString();
  const wait = { for: statusTable[status].waitsFor, level: concern.level, deadline };
  if (status === "awaiting_confirmation") return { ...concern, status, stage: "wait", dueAt: deadline, wait };
  // The assignee's clock stops: what they had left carries over when the parent answers.
  const pausedDays = concern.dueAt ? schoolDaysBetween(district, now, new Date(concern.dueAt)) : 0;
  return { ...concern, status, stage: "wait", dueAt: deadline, wait, pausedDays };
}

export function resumeAfterInfo(concern: Concern, district: DistrictInfo, now: Date): Concern {
  const deadline = addSchoolDays(district, now, concern.pausedDays ?? 0).toISOString();
  return { ...concern, status: "open", stage: "wait", dueAt: deadline, wait: { for: "assignee", level: concern.level, deadline }, pausedDays: undefined };
}

/** The concern after a person's move (lifecycle.ts): the climb's next level is assigned by the workflow's PrepareLevel. */
export function afterMove(concern: Concern, move: Move, district: DistrictInfo, now: Date): Concern {
  switch (move.to) {
    case "next_level":
      return climb(concern);
    case "closed":
      return close(concern, move.outcome);
    case "awaiting_confirmation":
    case "awaiting_info":
      return awaitParent(concern, move.to, district, now);
    case "open":
      return resumeAfterInfo(concern, district, now);
    case "same":
      return concern;
  }
}

/** Where the concern stands, as the state machine routes on it. */
export function positionOf(concern: Concern, now = clock.now()): Position {
  if (concern.stage === "closed") return { concernId: concern.id, next: "closed" };
  if (concern.stage === "prepare" || !concern.wait) return { concernId: concern.id, next: "prepare" };
  return { concernId: concern.id, next: "wait", wait: waitSpec(concern.wait, now) };
}

export const waitSpec = (wait: NonNullable<Concern["wait"]>, now: Date): WaitSpec => ({
  ...wait,
  timeoutSeconds: Math.min(maxWaitSeconds, secondsUntil(new Date(wait.deadline), now)),
});
