import { addDays } from "../calendar";
import { keys, queryAll } from "../dynamo";
import { helpDueItemType, helpStatsItemType } from "./items";

/** Open requests whose due day ended before `today`: one Query of the district's open requests by due day, never the table. */
export const pastDueRequests = (districtId: string, today: string) => queryAll(helpDueItemType, keys.helpsDueBy(districtId, addDays(today, -1)));

/**
 * The director's counts, by school and in all: open, past due and answered. Open and answered are
 * kept in each open's and each answer's transaction; past due is the due-day Query above.
 */
export async function helpCounts(districtId: string, today: string) {
  const [stats, late] = await Promise.all([queryAll(helpStatsItemType, keys.helpStatsOf(districtId)), pastDueRequests(districtId, today)]);
  const schools = stats.map((s) => ({
    schoolId: s.schoolId,
    open: s.open ?? 0,
    resolved: s.resolved ?? 0,
    pastDue: late.filter((d) => d.schoolId === s.schoolId).length,
  }));
  const sum = (k: "open" | "resolved" | "pastDue") => schools.reduce((n, s) => n + s[k], 0);
  return { open: sum("open"), pastDue: sum("pastDue"), resolved: sum("resolved"), schools };
}
