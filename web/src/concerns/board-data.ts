import { levels, type EscalationLevel } from "@fidelio/core/concern/lifecycle";
import { api, call } from "../api";

/** The board's rows and filter, up the ladder. */
export const boardLevels = levels;
export type BoardLevel = EscalationLevel;

/** GET /api/reports/escalations, as the API promises it (the contract the board was built against). */
export interface EscalationBoard {
  open: {
    items: Array<{
      id: string;
      studentId: string;
      studentName: string;
      subject: string;
      reference: string | null;
      schoolId: string;
      schoolName: string;
      level: BoardLevel;
      status: string;
      assignee: { id: string; name: string } | null;
      dueAt: string | null;
      overdue: boolean;
      openedAt: string;
      levelSince: string;
    }>;
    cursor?: string;
  };
  totals: { open: number; overdue: number; byLevel: Record<BoardLevel, number> };
  resolvedLast30Days: { count: number; medianDaysToResolution: number | null; medianHoursToResolution: number | null };
  missedDeadlinesBySchool: Array<{ schoolId: string; schoolName: string; count: number }>;
}
export type BoardItem = EscalationBoard["open"]["items"][number];

export interface BoardFilters {
  schoolId: string;
  level: "" | BoardLevel;
  /** A reference ("C-1042") or words of the subject or the student's name. */
  q: string;
}

/** Typed as the contract above says: the assignment fails to compile if the API's answer drifts from it. */
export async function loadBoard(filters: BoardFilters, cursor: string): Promise<EscalationBoard> {
  const query = { ...(filters.schoolId && { schoolId: filters.schoolId }), ...(filters.level && { level: filters.level }), ...(filters.q && { q: filters.q }), ...(cursor && { cursor }) };
  const board: EscalationBoard = await call(api.reports.escalations.$get({ query }));
  return board;
}

/** By level up the ladder, overdue first within a level, then the nearest deadline. */
export const boardOrder = (a: BoardItem, b: BoardItem) =>
  boardLevels.indexOf(a.level) - boardLevels.indexOf(b.level) || Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? "9999").localeCompare(b.dueAt ?? "9999");
