/** The district settings form's draft: inputs hold strings, the API and schema want numbers. */
export const toDraft = (d: { calendar: { firstDay: string; lastDay: string }; deadlines: Record<"teacher" | "case_manager" | "director", number>; fidelityGraceDays: number }) => ({
  firstDay: d.calendar.firstDay,
  lastDay: d.calendar.lastDay,
  teacher: String(d.deadlines.teacher),
  case_manager: String(d.deadlines.case_manager),
  director: String(d.deadlines.director),
  grace: String(d.fidelityGraceDays),
});

/** Paths that have their own input; any other error is listed in the summary. */
export const ownPaths = (closures: number) => [
  "calendar.firstDay", "calendar.lastDay", "deadlines.teacher", "deadlines.case_manager", "deadlines.director", "fidelityGraceDays",
  ...Array.from({ length: closures }, (_, i) => ["name", "from", "to"].map((k) => `calendar.closures.${i}.${k}`)).flat(),
];
