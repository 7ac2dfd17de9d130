/**
 * ISO weeks ("2026-W47", Monday to Sunday) as plain strings. Pure: no clock, no AWS, so the web app
 * can reuse it. The string form sorts in time order, which the form keys rely on.
 */
const dayMs = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function isoWeekOf(date: string): string {
  const ms = utc(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = new Date(ms + (3 - weekday) * dayMs);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / dayMs / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of an ISO week. */
export function weekStart(week: string): string {
  const [year, n] = [Number(week.slice(0, 4)), Number(week.slice(6))];
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * dayMs;
  return iso(monday1 + (n - 1) * 7 * dayMs);
}

/** Monday to Friday of the week. */
export const weekDays = (week: string) => [0, 1, 2, 3, 4].map((d) => iso(utc(weekStart(week)) + d * dayMs));

export const addWeeks = (week: string, n: number) => isoWeekOf(iso(utc(weekStart(week)) + n * 7 * dayMs));

/** A real ISO week: "2026-W53" exists only in years that have 53 weeks. */
export const isWeek = (week: string) => /^\d{4}-W\d{2}$/.test(week) && Number(week.slice(6)) >= 1 && isoWeekOf(weekStart(week)) === week;

/** Every week from `from` to `to`, both included. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let week = from; week <= to; week = addWeeks(week, 1)) out.push(week);
  return out;
}
