import type { DutyChangeKind } from "../iep/duty-kinds";
import type { Pair } from "./pair";

/**
 * What an IEP amendment changes in a team member's duties, one line each, English then Spanish: the
 * amendment email (iep/amendment-emails.ts) and the notice on their home (web) say the same words.
 */
export const iepTexts: Record<`iep.change.${DutyChangeKind}` | "iep.change.minutes", Pair> = {
  "iep.change.added": ["Added: {what}", "Se agregó: {what}"],
  "iep.change.removed": ["Removed: {what}", "Se quitó: {what}"],
  "iep.change.changed": ["Changed: {what} (was: {before})", "Cambió: {what} (antes: {before})"],
  "iep.change.minutes": ["{name}, {minutes} minutes a week", "{name}, {minutes} minutos por semana"],
};
