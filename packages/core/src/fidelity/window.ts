import { VisibleError } from "../error";
import { districtToday } from "./form";
import type { DistrictInfo } from "../district/schema";
import { addWeeks, isoWeekOf } from "./week";

/** Longest window one request may ask for: a little over three school years of weeks. */
export const maxWeeks = 170;
const asWeek = (value: string) => (value.includes("-W") ? value : isoWeekOf(value));

/** `from`/`to` as weeks (a date stands for its week); by default the ten weeks up to this one. */
export function windowOf(district: DistrictInfo, from?: string, to?: string) {
  const last = to ? asWeek(to) : isoWeekOf(districtToday(district));
  const first = from ? asWeek(from) : addWeeks(last, -9);
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

export const toCsv = (header: string[], rows: unknown[][]) => [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
