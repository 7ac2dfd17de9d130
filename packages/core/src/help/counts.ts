import { addDays } from "../calendar";
import { keys, queryAll } from "../dynamo";
import { helpDueItemType, helpStatsItemType } from "./items";

/** Open requests whose due day ended before `today`: one Query of the district's open requests by due day, never the table. */
export const pastDueRequests = (districtId: string, today: string) => queryAll(helpDueItemType, keys.helpsDueBy(districtId, addDays(today, -1)));

/** Each school's open and answered counts, kept in each open's and each answer's transaction. */
export const helpStats = (districtId: string) => queryAll(helpStatsItemType, keys.helpStatsOf(districtId));

/** The director's counts from the schools' stats and the past-due requests: open, past due and answered, by school and in all. */
export function helpCountsOf(stats: Awaited<ReturnType<typeof helpStats>>, late: Awaited<ReturnType<typeof pastDueRequests>>) {
  const schools = stats.map((s) => ({
    schoolId: s.schoolId,
    open: s.open ?? 0,
    resolved: s.resolved ?? 0,
    pastDue: late.filter((d) => d.schoolId === s.schoolId).length,
  }));
  const sum = (k: "open" | "resolved" | "pastDue") => schools.reduce((n, s) => n + s[k], 0);
  return { open: sum("open"), pastDue: sum("pastDue"), resolved: sum("resolved"), schools };
}

/** The director's counts, by school and in all: open, past due and answered. */
export async function helpCounts(districtId: string, today: string) {
  const [stats, late] = await Promise.all([helpStats(districtId), pastDueRequests(districtId, today)]);
  return helpCountsOf(stats, late);
}
