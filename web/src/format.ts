import { lang, t } from "./i18n";

export const formatDate = (isoDate: string) =>
  new Intl.DateTimeFormat(lang(), { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));

export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat(lang(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

/** Rosters send grades as OneRoster codes ("03", "KG", "PK"); people read "Grade 3", "Kindergarten". */
export function formatGrade(grade: string): string {
  const code = grade.trim().toUpperCase();
  if (code === "KG" || code === "K") return t("kindergarten");
  if (code === "PK") return t("preKindergarten");
  return /^\d+$/.test(code) ? t("grade", { grade: Number(code) }) : code && t("grade", { grade: code });
}

/** "Grade 3 · Riverbend Elementary", leaving out whatever the roster left blank. */
export const gradeAndSchool = (student: { grade: string; schoolName: string }) =>
  [formatGrade(student.grade), student.schoolName].filter(Boolean).join(" · ");
