import { t, tn } from "./i18n";
import "./strings/pages";
import { durationParts } from "@fidelio/core/words/plural";

/*
 * Grades and durations in words, with the `pages` area that holds them; dates are in format.ts, which
 * loads no words, so a page that shows only dates (a concern's) does not fetch this area.
 */

/** Rosters send grades as OneRoster codes ("03", "KG", "PK"); people read "Grade 3", "Kindergarten". */
export function formatGrade(grade: string): string {
  const code = grade.trim().toUpperCase();
  if (code === "KG" || code === "K") return t("kindergarten");
  if (code === "PK") return t("preKindergarten");
  return /^\d+$/.test(code) ? t("grade", { grade: Number(code) }) : code && t("grade", { grade: code });
}

/** "Grade 3 · Riverbend Elementary", leaving out whatever the roster left blank. */
export const gradeAndSchool = (student: { grade: string; schoolName: string }) => [formatGrade(student.grade), student.schoolName].filter(Boolean).join(" · ");

/** How long since `iso`, in whole days (hours under a day): "3 days", "5 hours". */
export function formatSince(iso: string, now = Date.now()): string {
  const hours = Math.max(0, (now - new Date(iso).getTime()) / 3_600_000);
  return formatDuration(hours < 24 ? Math.floor(hours) : Math.floor(hours / 24) * 24);
}

/** A number of hours for people: "under an hour", "5 hours", "1.5 days" (plural rules of the reader's language). */
export function formatDuration(hours: number): string {
  const parts = durationParts(hours);
  return parts.unit === "underHour" ? t("underAnHour") : tn(parts.unit === "hour" ? "hours" : "days", parts.n);
}
