import type { Language } from "../user/schema";
import { iepTexts } from "../messages/catalog-iep";
import { sayFrom } from "../messages/say";
import type { DutyChange } from "./duties";

// Only the section it words: the web bundles this module, and never the catalog's email and packet texts.
const say = sayFrom(iepTexts);

/** How an amendment changes one duty; the catalog words each (`iep.change.*`). Pure: the web uses it. */
export const dutyChangeKinds = ["added", "removed", "changed"] as const;
export type DutyChangeKind = (typeof dutyChangeKinds)[number];

/** One change to a member's duties as a line in `lang` ("Changed: Speech therapy, 60 minutes a week (was: …)"). */
export function dutyChangeLine(lang: Language, change: DutyChange): string {
  const minutes = (s: { name: string; minutesPerWeek: number }) => say(lang, "iep.change.minutes", { name: s.name, minutes: s.minutesPerWeek });
  const what = change.kind === "accommodation" ? change.text : minutes(change);
  if (!("before" in change)) return say(lang, `iep.change.${change.change}`, { what });
  return say(lang, "iep.change.changed", { what, before: typeof change.before === "string" ? change.before : minutes(change.before) });
}
