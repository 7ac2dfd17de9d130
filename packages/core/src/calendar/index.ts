import { defaultTimeZone, type DistrictSettings } from "../district/schema";
import { addDays, localDate, weekday, zonedInstant } from "./zoned";

export { addDays, localDate, zonedInstant } from "./zoned";

/**
 * School days over a district's calendar. Pure functions: no clock, no AWS, so the workflow, the
 * API and the web app count alike.
 *
 * A school day is a weekday that no closure covers. Closures lie within the school year; outside
 * it (summer) every weekday counts, so a concern filed in July still moves. Counting starts the
 * day after the starting instant's local date: a concern filed on Monday with 3 days is due at
 * the end of Thursday.
 */
export type SchoolCalendar = Pick<DistrictSettings, "calendar" | "timeZone">;

/** A deadline is the end of its school day on the district's wall clock. */
export const endOfSchoolDay = "23:59:59";

const zoneOf = (district: SchoolCalendar) => district.timeZone ?? defaultTimeZone;

export function isSchoolDay(district: SchoolCalendar, date: string): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  return !district.calendar.closures.some((closure) => closure.from <= date && date <= closure.to);
}

/** The end of the `days`-th school day after `from` (0: the end of `from`'s own day). */
export function addSchoolDays(district: SchoolCalendar, from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`School days must be a whole number of at least 0, got ${days}`);
  const zone = zoneOf(district);
  let date = localDate(from, zone);
  for (let counted = 0; counted < days; ) {
    date = addDays(date, 1);
    if (isSchoolDay(district, date)) counted++;
  }
  return zonedInstant(date, endOfSchoolDay, zone);
}

/**
 * School days after `from`'s local date up to and including `to`'s: what is left of a deadline
 * when its clock pauses at `from`. Resuming later with `addSchoolDays(resumedAt, remaining)` gives
 * the assignee the days they had not used; the day of the pause counts as used.
 */
export function schoolDaysBetween(district: SchoolCalendar, from: Date, to: Date): number {
  const zone = zoneOf(district);
  const last = localDate(to, zone);
  let count = 0;
  for (let date = addDays(localDate(from, zone), 1); date <= last; date = addDays(date, 1)) {
    if (isSchoolDay(district, date)) count++;
  }
  return count;
}

/** Whole seconds from `now` until `deadline`, at least 1: what a callback wait's TimeoutSecondsPath reads. */
export function secondsUntil(deadline: Date, now: Date): number {
  return Math.max(1, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}

/**
 * Local only (the runner, with Config.timeScale()): how long a wait of `seconds` really lasts
 * when time runs `timeScale` times faster. AWS never scales.
 */
export function scaledWaitMs(seconds: number, timeScale: number): number {
  if (!(timeScale >= 1)) throw new RangeError(`The time scale must be at least 1, got ${timeScale}`);
  return Math.max(0, Math.round((seconds * 1000) / timeScale));
}

/** The deadline of an escalation level that has one, counted from `from` with the district's days per level. */
export function levelDeadline(district: SchoolCalendar & Pick<DistrictSettings, "deadlines">, level: keyof DistrictSettings["deadlines"], from: Date): Date {
  return addSchoolDays(district, from, district.deadlines[level]);
}
