import { addSchoolDays, levelDeadline, schoolDaysBetween, secondsUntil } from "../calendar";
import type { DistrictInfo } from "../district";
import { maxWaitSeconds, type Position, type WaitSpec } from "../workflow/schema";
import type { Assignment } from "./people";
import { confirmationDays, infoReplyDays, nextLevel, type Concern, type ConcernOutcome } from "./schema";
import { clock } from "../clock";

/**
 * How a concern moves, as pure functions of the concern as read: the verbs and the workflow steps
 * compute the next concern with these, then commit it conditionally (store.ts).
 */

// The advocate has no deadline: the wait is renewed before a Standard execution's one-year limit.
const advocateWaitSeconds = maxWaitSeconds - 7 * 86_400;

export const advocateWait = (now: Date) => ({ for: "assignee" as const, level: "advocate" as const, deadline: new Date(now.getTime() + advocateWaitSeconds * 1000).toISOString() });

export function enterLevel(concern: Concern, assignment: Assignment, district: DistrictInfo, now: Date): Concern {
  const { level, assignee } = assignment;
  const assignedIds = assignee && !concern.assignedIds.includes(assignee.id) ? [...concern.assignedIds, assignee.id] : concern.assignedIds;
  const base = { ...concern, level, assignee, assignedIds, stage: "wait" as const, pausedDays: undefined, levelSince: now.toISOString() };
  if (level === "advocate") return { ...base, status: "with_advocate", dueAt: undefined, wait: advocateWait(now) };
  const deadline = levelDeadline(district, level, now).toISOString();
  return { ...base, status: "open", dueAt: deadline, wait: { for: "assignee", level, deadline } };
}

/** On to the next level, which the workflow's PrepareLevel assigns. */
export function climb(concern: Concern): Concern {
  const level = nextLevel(concern.level) ?? "advocate";
  return { ...concern, level, stage: "prepare", status: level === "advocate" ? "with_advocate" : "open", assignee: undefined, dueAt: undefined, wait: undefined, pausedDays: undefined };
}

export function close(concern: Concern, outcome: ConcernOutcome): Concern {
  return { ...concern, stage: "closed", status: "closed", outcome, dueAt: undefined, wait: undefined, pausedDays: undefined };
}

export function awaitParent(concern: Concern, kind: "parent_confirmation" | "parent_info", district: DistrictInfo, now: Date): Concern {
  const deadline = addSchoolDays(district, now, kind === "parent_confirmation" ? confirmationDays : infoReplyDays).toISOString();
  const wait = { for: kind, level: concern.level, deadline };
  if (kind === "parent_confirmation") return { ...concern, status: "awaiting_confirmation", stage: "wait", dueAt: deadline, wait };
  // The assignee's clock stops: what they had left carries over when the parent answers.
  const pausedDays = concern.dueAt ? schoolDaysBetween(district, now, new Date(concern.dueAt)) : 0;
  return { ...concern, status: "awaiting_info", stage: "wait", dueAt: deadline, wait, pausedDays };
}

export function resumeAfterInfo(concern: Concern, district: DistrictInfo, now: Date): Concern {
  const deadline = addSchoolDays(district, now, concern.pausedDays ?? 0).toISOString();
  return { ...concern, status: "open", stage: "wait", dueAt: deadline, wait: { for: "assignee", level: concern.level, deadline }, pausedDays: undefined };
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
