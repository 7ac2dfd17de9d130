import type { DutyChange } from "@fidelio/core/iep/duties";
import { t } from "../i18n";
import "../strings/fidelity";

export type { DutyChange };

/** One line for an IEP change in the reader's language (the email says the same, written in core). */
export function dutyChangeLine(change: DutyChange): string {
  const what = change.kind === "accommodation" ? change.text : t("dutyMinutes", { name: change.name, minutes: change.minutesPerWeek });
  if (!("before" in change)) return t(change.change === "added" ? "dutyAdded" : "dutyRemoved", { what });
  const before = typeof change.before === "string" ? change.before : t("dutyMinutes", { name: change.before.name, minutes: change.before.minutesPerWeek });
  return t("dutyChanged", { what, before });
}
