/** ISO weeks ("2026-W49"), the unit of a fidelity form, and the school days (Monday to Friday) in each. */

const DAY = 86_400_000;

const utcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** The ISO week holding `date` (read on the reader's own calendar day). */
export function isoWeek(date = new Date()): string {
  const day = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day - weekday * DAY + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((utcDay(thursday) - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of an ISO week, as YYYY-MM-DD. */
export function weekMonday(week: string): string {
  const [year, number] = week.split("-W").map(Number) as [number, number];
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (number - 1) * 7 * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

/** The ISO week `n` weeks before (or after, for negative n) `week`. */
export function shiftWeek(week: string, n: number): string {
  const monday = new Date(`${weekMonday(week)}T12:00:00Z`);
  const moved = new Date(monday.getTime() - n * 7 * DAY);
  return isoWeek(new Date(moved.getUTCFullYear(), moved.getUTCMonth(), moved.getUTCDate()));
}

/** Monday to Friday of a week, as YYYY-MM-DD. */
export function schoolDays(week: string): string[] {
  const monday = new Date(`${weekMonday(week)}T00:00:00Z`).getTime();
  return [0, 1, 2, 3, 4].map((i) => new Date(monday + i * DAY).toISOString().slice(0, 10));
}

/** The same weekday a number of days later: last week's sessions carried to this week. */
export const addDays = (isoDate: string, days: number) => new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
