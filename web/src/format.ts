import { lang, t, tn } from "./i18n";
import "./strings/pages";
import { durationParts } from "@fidelio/core/words/plural";
import { deadlineInstant, formatInstant, formatPlainDate, formatter, shortInstant } from "@fidelio/core/words/time";

/** A calendar date in words ("June 3, 2027", "3 de junio de 2027"). */
export const formatDate = (isoDate: string) => formatPlainDate(lang(), isoDate);

/** Part of a calendar date (YYYY-MM-DD) in the reader's language, with `options` ({ weekday: "long" }: "Wednesday"); formats made once. */
export const formatDatePart = (isoDate: string, options: Intl.DateTimeFormatOptions) =>
  formatter(lang(), { ...options, timeZone: "UTC" }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));

/**
 * An instant on the district's clock with its zone named in words ("Pacific Time", "hora del Pacífico";
 * core/words/time.ts), never the browser's: everyone reads the same time.
 */
export const formatDateTime = (iso: string, timeZone: string) => formatInstant(lang(), iso, timeZone, shortInstant);

/** Rosters send grades as OneRoster codes ("03", "KG", "PK"); people read "Grade 3", "Kindergarten". */
export function formatGrade(grade: string): string {
  const code = grade.trim().toUpperCase();
  if (code === "KG" || code === "K") return t("kindergarten");
  if (code === "PK") return t("preKindergarten");
  return /^\d+$/.test(code) ? t("grade", { grade: Number(code) }) : code && t("grade", { grade: code });
}

/** "Grade 3 · Riverbend Elementary", leaving out whatever the roster left blank. */
export const gradeAndSchool = (student: { grade: string; schoolName: string }) => [formatGrade(student.grade), student.schoolName].filter(Boolean).join(" · ");

/** An instant on the district's clock (deadlines end with the school day there), with its weekday, naming the zone. */
export const formatInZone = (iso: string, timeZone: string) => formatInstant(lang(), iso, timeZone, deadlineInstant);

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

/** The day of an instant on the district's clock. */
export const formatDayInZone = (iso: string, timeZone: string) => formatter(lang(), { dateStyle: "medium", timeZone }).format(new Date(iso));
