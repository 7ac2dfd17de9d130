import { planFor } from "../fidelity/form";
import type { FormPlan } from "../fidelity/schema";
import type { StudentRecord } from "../student/items";
import type { IepVersion } from "./schema";

/**
 * What an IEP amendment changes in one team member's duties: the accommodations that apply in their
 * classes and the services they provide (the same plan their weekly form reports on), each added,
 * removed or changed. Kept apart from ./index.ts, which the student module itself imports.
 */
export type DutyChange =
  // The change kinds are dutyChangeKinds (./duty-kinds.ts), which the catalog words.
  | { kind: "accommodation"; change: "added" | "removed"; id: string; text: string }
  | { kind: "accommodation"; change: "changed"; id: string; text: string; before: string }
  | { kind: "service"; change: "added" | "removed"; id: string; name: string; minutesPerWeek: number }
  | { kind: "service"; change: "changed"; id: string; name: string; minutesPerWeek: number; before: { name: string; minutesPerWeek: number } };

const emptyPlan: FormPlan = { accommodations: [], services: [] };

export function planDiff(before: FormPlan, after: FormPlan): DutyChange[] {
  const changes: DutyChange[] = [];
  for (const a of after.accommodations) {
    const old = before.accommodations.find((b) => b.id === a.id);
    if (!old) changes.push({ kind: "accommodation", change: "added", id: a.id, text: a.text });
    else if (old.text !== a.text) changes.push({ kind: "accommodation", change: "changed", id: a.id, text: a.text, before: old.text });
  }
  for (const b of before.accommodations)
    if (!after.accommodations.some((a) => a.id === b.id)) changes.push({ kind: "accommodation", change: "removed", id: b.id, text: b.text });
  for (const s of after.services) {
    const old = before.services.find((b) => b.id === s.id);
    if (!old) changes.push({ kind: "service", change: "added", id: s.id, name: s.name, minutesPerWeek: s.minutesPerWeek });
    else if (old.name !== s.name || old.minutesPerWeek !== s.minutesPerWeek) {
      changes.push({
        kind: "service",
        change: "changed",
        id: s.id,
        name: s.name,
        minutesPerWeek: s.minutesPerWeek,
        before: { name: old.name, minutesPerWeek: old.minutesPerWeek },
      });
    }
  }
  for (const b of before.services)
    if (!after.services.some((s) => s.id === b.id))
      changes.push({ kind: "service", change: "removed", id: b.id, name: b.name, minutesPerWeek: b.minutesPerWeek });
  return changes;
}

/** One member's duty changes from `before` (none: they had no duties) to `after`. */
export const dutyChanges = (record: StudentRecord, userId: string, before: IepVersion | undefined, after: IepVersion) =>
  planDiff((before && planFor(record, userId, before)) ?? emptyPlan, planFor(record, userId, after) ?? emptyPlan);

/** The version `iep` replaced: the highest one numbered below it. */
export const versionBefore = (versions: IepVersion[], iep: IepVersion) =>
  versions
    .filter((v) => v.version < iep.version)
    .sort((a, b) => a.version - b.version)
    .at(-1);

/** Teachers and case managers (one entry each) whose duties `after` changes against `before`, with what changed. */
export function affectedMembers(record: StudentRecord, before: IepVersion | undefined, after: IepVersion) {
  const team = record.relationships.filter((r) => r.kind === "teacher" || r.kind === "case_manager");
  const unique = team.filter((r, i) => team.findIndex((o) => o.userId === r.userId) === i);
  return unique.flatMap((rel) => {
    const changes = dutyChanges(record, rel.userId, before, after);
    return changes.length ? [{ userId: rel.userId, name: rel.userName, role: rel.kind, changes }] : [];
  });
}
