import { levels, type EscalationLevel } from "@fidelio/core/concern/lifecycle";
import { api, call, type Body } from "../api";

/** The board's rows and filter, up the ladder. */
export const boardLevels = levels;
export type BoardLevel = EscalationLevel;

const loadBoardRaw = (query: BoardQuery) => api.reports.escalations.$get({ query });
/** GET /api/reports/escalations: the route's own answer type (open concerns, totals, resolutions, missed deadlines). */
export type EscalationBoard = Body<Awaited<ReturnType<typeof loadBoardRaw>>>;
type BoardQuery = Parameters<typeof api.reports.escalations.$get>[0]["query"];
export type BoardItem = EscalationBoard["open"]["items"][number];

export interface BoardFilters {
  schoolId: string;
  level: "" | BoardLevel;
  /** A reference ("C-1042") or words of the subject or the student's name. */
  q: string;
}

/** One page of the board for the filters; `cursor` continues from the page before. */
export const loadBoard = (filters: BoardFilters, cursor: string) =>
  call(
    loadBoardRaw({
      ...(filters.schoolId && { schoolId: filters.schoolId }),
      ...(filters.level && { level: filters.level }),
      ...(filters.q && { q: filters.q }),
      ...(cursor && { cursor }),
    }),
  );

/** By level up the ladder, overdue first within a level, then the nearest deadline. */
export const boardOrder = (a: BoardItem, b: BoardItem) =>
  boardLevels.indexOf(a.level) - boardLevels.indexOf(b.level) || Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? "9999").localeCompare(b.dueAt ?? "9999");
