import type { RosterModel } from "./model";
import { countedKinds, type Counts, type RolesEnded, type WritePlan } from "./plan";

/** At most this many people are named in a summary; `rolesEndedCount` counts them all. */
const namedLimit = 200;

export interface ImportSummary extends Counts {
  /** Rows whose status is `tobedeleted`: skipped, nothing deleted (roles the roster gave the person end). */
  skipped: number;
  /** Relationships that ended (access removed): a teacher no longer in the student's classes, a guardian no longer listed. */
  revoked: number;
  /** People who lost roles the roster no longer grants (docs/roster-csv.md), with the roles that ended. */
  rolesEnded: RolesEnded[];
  rolesEndedCount: number;
  byKind: Record<string, Counts>;
}

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
