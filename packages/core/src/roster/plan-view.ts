import { createHash } from "node:crypto";
import type { Role } from "../actor";
import type { RelationshipKind } from "../student/schema";
import type { RosterFileName, Tables } from "./files";
import type { Counts, WritePlan } from "./plan";
import type { RosterProblem } from "./problems";
import type { Stored } from "./stored";
import type { ImportSummary } from "./index";
import { canonical } from "./util";

/** Everything one person would lose: the roles that end and the students they no longer reach. */
export interface PersonEnding {
  userId: string;
  name: string;
  roles: Role[];
  links: Array<{ studentId: string; studentName: string; kind: RelationshipKind }>;
}

/**
 * What an import would do, shown to the administrator before anything is written (docs/roster-csv.md,
 * "Plan, then confirm"): the counts, every role and link that would end by person, and the warnings.
 */
export interface PlanView extends Counts {
  byKind: Record<string, Counts>;
  skipped: number;
  rolesEnded: PersonEnding[];
  /** Roles that would end, all people together: the number to type when `needsTypedCount`. */
  endingRoles: number;
  endingLinks: number;
  /** Roles held by the district's accounts the roster manages, before the import. */
  districtRoles: number;
  /** More than a tenth of the district's roles would end: confirming needs `endingRoles` typed. */
  needsTypedCount: boolean;
  warnings: RosterProblem[];
  /** How each file read speaks, from manifest.csv: bulk, delta or absent. */
  modes: Record<string, "bulk" | "delta" | "absent">;
}

const oneRosterFiles: RosterFileName[] = ["orgs.csv", "users.csv", "roles.csv", "classes.csv", "enrollments.csv"];
const fidelioFiles: RosterFileName[] = ["fidelio_roles.csv", "fidelio_caseload.csv", "fidelio_iep_items.csv"];

export function planView(plan: WritePlan, summary: ImportSummary, stored: Stored, districtId: string, tables: Tables, warnings: RosterProblem[]): PlanView {
  const people = new Map<string, PersonEnding>();
  const personOf = (userId: string, name: string) => people.get(userId) ?? people.set(userId, { userId, name, roles: [], links: [] }).get(userId)!;
  for (const ended of plan.rolesEnded) personOf(ended.userId, ended.name).roles.push(...ended.roles);
  for (const link of plan.linksEnded)
    personOf(link.userId, link.userName).links.push({ studentId: link.studentId, studentName: link.studentName, kind: link.kind });
  const rolesEnded = [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  const endingRoles = plan.rolesEnded.reduce((sum, person) => sum + person.roles.length, 0);
  const districtRoles = [...stored.users.values()]
    .filter((item) => item.districtId === districtId)
    .reduce((sum, item) => sum + (Array.isArray(item.roles) ? item.roles.length : 0), 0);
  const files = [...oneRosterFiles.filter((file) => tables.version === "1.2" || file !== "roles.csv"), ...fidelioFiles.filter((file) => tables.has(file))];
  return {
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    byKind: summary.byKind,
    skipped: summary.skipped,
    rolesEnded,
    endingRoles,
    endingLinks: plan.linksEnded.length,
    districtRoles,
    needsTypedCount: endingRoles > 0 && endingRoles * 10 > districtRoles,
    warnings,
    modes: Object.fromEntries(files.map((file) => [file, tables.modeOf(file)])),
  };
}

/**
 * What identifies a plan: the writes it holds, without the moment it was made. Planning the same files
 * against the same data gives the same fingerprint (new ids are derived, stored/resolveIds); any change
 * to what the plan reads or would write gives another, and confirming that plan answers 409.
 */
export function planFingerprint(plan: WritePlan): string {
  return createHash("sha256")
    .update(canonical(plan, (key) => key === "createdAt" || key === "at"))
    .digest("base64url");
}
