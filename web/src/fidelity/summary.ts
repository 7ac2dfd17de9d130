import { numberFormatOf } from "@fidelio/core/words/plural";
import type { ServiceWeek, StudentFidelity } from "./data";

/**
 * Each service's weeks in order, for its chart and table, beside the totals the API computed once
 * (core's fidelity/minutes.ts): the page never adds minutes up itself, so every screen shows the same numbers.
 */
export function byService(data: StudentFidelity) {
  return data.services.map((totals) => ({
    ...totals,
    weeks: data.weeks.flatMap((week) =>
      week.services
        .filter((s) => s.serviceId === totals.serviceId)
        .map((row): ServiceWeek & { week: string; state: typeof week.state } => ({ ...row, week: week.week, state: week.state })),
    ),
  }));
}

export const percent = (value: number | undefined | null, locale: string) =>
  value === undefined || value === null ? "—" : numberFormatOf(locale, { style: "percent", maximumFractionDigits: 0 }).format(value / 100);
