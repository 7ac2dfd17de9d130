import type { RosterModel } from "./model";
import type { ImportSummary } from "./index";
import { countedKinds, type Counts, type WritePlan } from "./plan";

/** At most this many people are named in a summary; `rolesEndedCount` counts them all. */
const namedLimit = 200;

export function summarize(model: RosterModel, plan: WritePlan): ImportSummary {
  const total = (change: keyof Counts) => countedKinds.reduce((sum, kind) => sum + plan.counts[kind][change], 0);
  return {
    created: total("created"),
    updated: total("updated"),
    unchanged: total("unchanged"),
    skipped: model.skipped,
    revoked: plan.students.reduce((sum, unit) => sum + unit.deletes.length, 0),
    rolesEnded: plan.rolesEnded.slice(0, namedLimit),
    rolesEndedCount: plan.rolesEnded.length,
    byKind: plan.counts,
  };
}
