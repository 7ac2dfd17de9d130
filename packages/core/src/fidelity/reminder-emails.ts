import { Config } from "../config";
import type { Message } from "../email";
import { weekStart } from "./week";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const formsLink = (week: string) => `${Config.appOrigin() ?? ""}/fidelity?week=${week}`;
const html = (lines: string[]) => `<div lang="en">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}</div>`;

/** To a teacher or provider: the forms of the school week still open. */
export function teacherReminder(to: { email: string; name: string }, week: string, students: string[]): Message {
  const lines = [
    `Hello ${to.name},`,
    `Your weekly fidelity forms for the week of ${weekStart(week)} are still open for: ${students.join(", ")}.`,
    `They take about a minute each: ${formsLink(week)}`,
  ];
  return { to: to.email, subject: `Fidelity forms still open: week of ${weekStart(week)}`, text: lines.join("\n\n"), html: html(lines) };
}

/** To a case manager: team members who left a student's form open two weeks in a row. */
export function caseManagerNotice(to: { email: string; name: string }, week: string, lapses: Array<{ staffName: string; studentName: string }>): Message {
  const lines = [
    `Hello ${to.name},`,
    `These weekly fidelity forms were not submitted for two weeks in a row (up to the week of ${weekStart(week)}):`,
    ...lapses.map((l) => `${l.studentName}: ${l.staffName}`),
    `Fidelity for your caseload: ${Config.appOrigin() ?? ""}/caseload`,
  ];
  return { to: to.email, subject: `Fidelity forms missed two weeks in a row: week of ${weekStart(week)}`, text: lines.join("\n\n"), html: html(lines) };
}
