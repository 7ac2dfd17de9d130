import { pastDueRequests } from "../help/counts";
import type { StoredPattern } from "./items";

/** Help requests past due (`late`, from pastDueRequests), one pattern per school: how many, since the oldest due day, resting on the requests. */
export function helpPatternsOf(late: Awaited<ReturnType<typeof pastDueRequests>>, week: string): StoredPattern[] {
  const bySchool = new Map<string, typeof late>();
  for (const d of late) bySchool.set(d.schoolId, [...(bySchool.get(d.schoolId) ?? []), d]);
  return [...bySchool].map(([schoolId, list]) => ({
    kind: "help_requests_open",
    schoolId,
    week,
    count: list.length,
    since: list.map((d) => d.dueOn).sort()[0]!,
    evidence: list.map((d) => d.requestId),
    studentIds: [...new Set(list.map((d) => d.studentId))],
  }));
}

/**
 * Help requests past due, one pattern per school. Read from the district's open requests by due day
 * (help/counts.ts), never the table; `today` is the district's day the report or the weekly job looks
 * from, `week` the week it is for.
 */
export const helpPatterns = async (districtId: string, today: string, week: string) => helpPatternsOf(await pastDueRequests(districtId, today), week);
