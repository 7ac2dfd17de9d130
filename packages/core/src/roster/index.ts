import { Access } from "../access";
import type { Actor } from "../actor";
import { District } from "../district";
import { VisibleError, notFound } from "../error";
import { applyPlan } from "./apply";
import { readFidelio } from "./fidelio";
import { readTables } from "./files";
import { buildModel } from "./model";
import { readOneRoster } from "./oneroster";
import { countedKinds, planWrites, type Counts } from "./plan";
import { Problems } from "./problems";
import { loadStored, resolveIds } from "./stored";

export type { RosterProblem } from "./problems";
export { rosterFiles, rosterLimits } from "./files";

export interface ImportSummary extends Counts {
  /** Rows whose status is `tobedeleted`: skipped, nothing deleted. */
  skipped: number;
  /** Relationships that ended (access removed): a teacher no longer in the student's classes, a guardian no longer listed. */
  revoked: number;
  byKind: Record<string, Counts>;
}

/**
 * District roster import: OneRoster 1.1 CSVs (separately or in one zip) plus Fidelio's own CSVs for
 * roles, caseloads and IEP items. Everything is validated first; with any problem nothing is written.
 * Records are matched by sourcedId, and only what changed is written, so re-importing is a no-op.
 */
export namespace Roster {
  export async function importFiles(actor: Actor, files: Array<{ name: string; bytes: Uint8Array }>): Promise<ImportSummary> {
    Access.requireAction(actor, "roster.import");
    if (!(await District.load(actor.districtId))) throw notFound("District");

    const problems = new Problems();
    const tables = readTables(files, problems);
    const data = readOneRoster(tables, problems);
    const model = buildModel(data, readFidelio(tables, data, problems), problems);
    const stored = await loadStored(actor.districtId, model);
    const ids = resolveIds(actor.districtId, model, stored, problems);
    if (problems.count > 0) {
      const list = [...problems.list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
      const noun = list.length === 1 ? "problem" : "problems";
      throw new VisibleError(400, "invalid_roster", `${list.length} ${noun} found; nothing was imported`, list);
    }

    const plan = planWrites(actor, model, stored, ids);
    await applyPlan(actor, plan);

    const total = (change: keyof Counts) => countedKinds.reduce((sum, kind) => sum + plan.counts[kind][change], 0);
    return { created: total("created"), updated: total("updated"), unchanged: total("unchanged"), skipped: model.skipped, revoked: plan.revoked.length, byKind: plan.counts };
  }
}
