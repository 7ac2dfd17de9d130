import { keys, putNew, queryAll, type Item, type TransactOp } from "../dynamo";
import { isoWeekOf } from "../fidelity/week";
import { settlePatterns, type StoredPattern } from "./items";
import { thresholds } from "./schema";

/** What a concern is about, for counting: its class, and the teacher who first takes it. */
export interface ConcernSubject {
  id: string;
  districtId: string;
  schoolId?: string;
  studentId: string;
  createdAt: string;
  classId?: string;
  className?: string;
  teacherId?: string;
  teacherName?: string;
}

const abouts = (c: ConcernSubject) =>
  [
    c.classId ? { about: "C" as const, id: c.classId, name: c.className } : undefined,
    c.teacherId ? { about: "T" as const, id: c.teacherId, name: c.teacherName } : undefined,
  ].filter((a) => a !== undefined);

/** The link items a filing writes in its transaction: one per class and teacher it is about. */
export const concernCountOps = (c: ConcernSubject): TransactOp[] =>
  c.schoolId
    ? abouts(c).map((a) =>
        putNew({ ...keys.concernAbout(c.districtId, a.about, a.id, c.createdAt, c.id), type: "pattern-concern", concernId: c.id, studentId: c.studentId }),
      )
    : [];

const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString();

/** After a filing: enough concerns about its class or teacher within the window make a pattern, in the filing's week. */
export async function refreshConcernPatterns(c: ConcernSubject) {
  if (!c.schoolId) return;
  const hold: StoredPattern[] = [];
  // The class's and the teacher's links, read side by side.
  const found = await Promise.all(
    abouts(c).map(async (a) => ({
      a,
      links: await queryAll<Item & { sk: string; concernId: string; studentId: string }>(
        keys.concernsAbout(c.districtId, a.about, a.id, daysBefore(c.createdAt, thresholds.concernDays), c.createdAt),
      ),
    })),
  );
  for (const { a, links } of found) {
    if (links.length < thresholds.concerns) continue;
    hold.push({
      kind: "repeat_concerns",
      schoolId: c.schoolId,
      week: isoWeekOf(c.createdAt.slice(0, 10)),
      ...(a.about === "C" ? { classId: a.id, ...(a.name && { className: a.name }) } : { teacherId: a.id, ...(a.name && { teacherName: a.name }) }),
      count: links.length,
      since: links[0]!.sk.slice(0, 10),
      evidence: links.map((l) => l.concernId),
      studentIds: [...new Set(links.map((l) => l.studentId))],
    });
  }
  await settlePatterns(c.districtId, hold, []);
}
