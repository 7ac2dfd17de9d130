import { deadlineSettings, type DeadlineSetting } from "@fidelio/core/concern/lifecycle";
import { defaultHelpDueSchoolDays } from "@fidelio/core/help/schema";

/** The district settings form's draft: inputs hold strings, the API and schema want numbers. */
export const toDraft = (d: {
  calendar: { firstDay: string; lastDay: string };
  deadlines: Record<DeadlineSetting, number>;
  fidelityGraceDays: number;
  helpRequestDueSchoolDays?: number;
}) => ({
  firstDay: d.calendar.firstDay,
  lastDay: d.calendar.lastDay,
  ...(Object.fromEntries(deadlineSettings.map(({ setting }) => [setting, String(d.deadlines[setting])])) as Record<DeadlineSetting, string>),
  grace: String(d.fidelityGraceDays),
  // A district that never set it shows the default it runs on.
  helpDays: String(d.helpRequestDueSchoolDays ?? defaultHelpDueSchoolDays),
});

/** The deadlines as the API takes them, from the draft's strings. */
export const deadlinesOf = (draft: Record<DeadlineSetting, string>) =>
  Object.fromEntries(deadlineSettings.map(({ setting }) => [setting, Number(draft[setting])])) as Record<DeadlineSetting, number>;

/** Paths that have their own input; any other error is listed in the summary. */
export const ownPaths = (closures: number) => [
  "calendar.firstDay",
  "calendar.lastDay",
  ...deadlineSettings.map(({ setting }) => `deadlines.${setting}`),
  "fidelityGraceDays",
  "helpRequestDueSchoolDays",
  ...Array.from({ length: closures }, (_, i) => ["name", "from", "to"].map((k) => `calendar.closures.${i}.${k}`)).flat(),
];
