import type { AccommodationAnswerCell, WeekState } from "./minutes";
import type { Helped } from "./schema";

/**
 * "Did it help?" over a range: the answers teachers gave on their "provided" reports, counted over
 * the same ended weeks and the same reports as `accommodationCounts` (minutes.ts), so `provided` here
 * is always that support's "provided in full" count, and `unanswered` is what nobody judged.
 * Pure: it reads the week cells `fidelityRows` builds.
 */
export type HelpedCounts = Record<Helped, number> & {
  /** Reports that say "provided in full": the base the answers below are out of. */
  provided: number;
  /** Of those, reports that did not say whether it helped. */
  unanswered: number;
};

export function helpedCounts(cells: Array<{ state: WeekState; answers: AccommodationAnswerCell[] }>): HelpedCounts {
  const out: HelpedCounts = { yes: 0, somewhat: 0, no: 0, not_sure: 0, provided: 0, unanswered: 0 };
  for (const { state, answers } of cells) {
    if (state !== "ended") continue;
    for (const a of answers) {
      if (a.status !== "provided") continue;
      out.provided += 1;
      if (a.helped) out[a.helped] += 1;
      else out.unanswered += 1;
    }
  }
  return out;
}
