import * as v from "valibot";
import { IsoDate } from "../iep/schema";
import { Cursor } from "../paging/cursor";

/** Pattern shapes and thresholds; no AWS imports, so the web reuses them. */
export const patternKinds = [
  "support_missed_across_class",
  "support_missed_across_school",
  "forms_stopped",
  "service_underdelivered",
  "repeat_concerns",
  "help_requests_open",
] as const;
export type PatternKind = (typeof patternKinds)[number];

/** When each kind fires: each threshold declared once, and docs/patterns.md explains them. */
export const thresholds = {
  /** Students in one class with the same support not provided in one week. */
  studentsPerClass: 3,
  /** Classes of one school with the same support not provided, over this many weeks. */
  classesPerSchool: 3,
  schoolWeeks: 2,
  /** Weeks in a row a teacher owed forms and submitted none. */
  stoppedWeeks: 2,
  /** Weeks a provider's delivered minutes are summed over, and the share of required minutes below which it fires. */
  serviceWeeks: 4,
  servicePercent: 80,
  /** Concerns about one class or teacher within this many days. */
  concerns: 2,
  concernDays: 30,
} as const;

export interface Pattern {
  kind: PatternKind;
  schoolId: string;
  classId?: string;
  teacherId?: string;
  /** The support's words (a class or school pattern), or the teacher's or class's name. */
  itemText?: string;
  teacherName?: string;
  className?: string;
  count: number;
  /** The first week (YYYY-Www) or day (YYYY-MM-DD, concerns) the pattern covers. */
  since: string;
  /** What it rests on: fidelity form ids, concern ids, or help request ids. */
  evidence: string[];
  /** The week it was found for. */
  week: string;
  /** For service patterns: percent of required minutes delivered. */
  percent?: number;
}

/** GET /api/reports/patterns?from=2026-11-02&to=2026-12-04: patterns found for the weeks holding these days. */
/** `cursor`: the previous page's, with the same `from` and `to` (a cursor from another window is refused). */
export const PatternsQuery = v.object({ from: v.optional(IsoDate), to: v.optional(IsoDate), cursor: Cursor });
export type PatternsQuery = v.InferOutput<typeof PatternsQuery>;

/** The key a pattern is stored under within its week: the same subject in two weeks is the same pattern. */
export const patternSubject = (p: Pick<Pattern, "kind" | "schoolId" | "classId" | "teacherId" | "itemText">) =>
  [p.kind, p.schoolId, p.classId ?? p.teacherId ?? "", p.itemText ? supportKey(p.itemText) : ""].join("#");

/** "The same kind of support" across students: its words, without case, accents or punctuation. */
export const supportKey = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .slice(0, 80)
    .replace(/ /g, "-");
