import { VisibleError } from "../error";
import { clock, districtToday } from "../clock";
import type { DistrictInfo } from "../district/schema";
import { addWeeks, isoWeekOf } from "./week";

/** Longest window one request may ask for: a little over three school years of weeks. */
export const maxWeeks = 170;
export const windowPeriods = ["last4", "last10", "school_year"] as const;
export type WindowPeriod = (typeof windowPeriods)[number];
const asWeek = (value: string) => (value.includes("-W") ? value : isoWeekOf(value));

/**
 * `from`/`to` as weeks (a date stands for its week); by default the ten weeks up to this one. A
 * `period` instead counts back from this week on the district's calendar (not the reader's or UTC's):
 * `last4`, `last10`, or `school_year` (from the district's first day).
 */
export function windowOf(district: DistrictInfo, input: { from?: string; to?: string; period?: WindowPeriod } = {}, now = clock.now()) {
  const { from, to, period } = input;
  const thisWeek = isoWeekOf(districtToday(district, now));
  const last = to ? asWeek(to) : thisWeek;
  const yearStart = isoWeekOf(district.calendar.firstDay);
  const back = period === "last4" ? -3 : -9;
  const first = from ? asWeek(from) : period === "school_year" ? (yearStart <= last ? yearStart : addWeeks(last, back)) : addWeeks(last, back);
  if (first > last) throw new VisibleError(422, "window_reversed", "`from` must not be after `to`.");
  if (first < addWeeks(last, -(maxWeeks - 1))) throw new VisibleError(422, "window_too_long", `At most ${maxWeeks} weeks at a time.`);
  return { from: first, to: last };
}

const cell = (value: unknown) => {
  const text = value === undefined || value === null ? "" : String(value);
  // A leading =, +, -, @, tab or CR would run as a formula in a spreadsheet; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  // A spreadsheet ends a row at a lone CR as at LF, so either one inside a value needs the quotes.
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export const toCsv = (header: string[], rows: unknown[][]) => `${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
