import { Access } from "../access";
import type { UserActor } from "../actor";
import { District } from "../district";
import { VisibleError, notFound } from "../error";
import { readFidelio } from "./fidelio";
import { readTables } from "./files";
import { buildModel } from "./model";
import { readOneRoster } from "./oneroster";
import { isEmptyPlan, planSize, planWrites } from "./plan";
import { Problems } from "./problems";
import { loadStored, resolveIds } from "./stored";
import { summarize } from "./summary";
import { contentHash } from "./job";
import { planFingerprint, planView } from "./plan-view";

const breathe = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Reads, checks and plans an import against what the table holds now. Any problem throws 400 with
 * every problem, before anything is written. The request runs it to answer at once; the job runs it
 * again when it starts (or resumes), so what it writes is planned against the table as it is then.
 */
export async function prepareImport(actor: UserActor, files: Array<{ name: string; bytes: Uint8Array }>) {
  Access.requireAction(actor, "roster.import");
  if (!(await District.load(actor.districtId))) throw notFound("District");

  // Long synchronous steps hand the event loop back between them, so requests around an upload are served.
  const problems = new Problems();
  const tables = readTables(files, problems);
  await breathe();
  const data = readOneRoster(tables, problems);
  await breathe();
  const model = buildModel(data, readFidelio(tables, data, problems), problems, tables.modeOf);
  await breathe();
  const stored = await loadStored(actor.districtId, model);
  const ids = resolveIds(actor.districtId, model, stored, problems, contentHash(files));
  await breathe();
  if (problems.count > 0) {
    const list = [...problems.list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const noun = list.length === 1 ? "problem" : "problems";
    throw new VisibleError(400, "invalid_roster", `${list.length} ${noun} found; nothing was imported`, list);
  }
  const plan = planWrites(actor, model, stored, ids);
  const summary = summarize(model, plan);
  await breathe();
  return { plan, summary, view: planView(plan, summary, stored, actor.districtId, tables, problems.sortedWarnings()), fingerprint: planFingerprint(plan) };
}

export type Prepared = Awaited<ReturnType<typeof prepareImport>>;

/** What a request needs to know of an upload: the checks passed, the summary, how much there is to write, and which plan it is. */
export interface ImportCheck {
  summary: ReturnType<typeof summarize>;
  total: number;
  empty: boolean;
  fingerprint: string;
}

export const checkOf = ({ plan, summary, fingerprint }: Prepared): ImportCheck => ({ summary, total: planSize(plan), empty: isEmptyPlan(plan), fingerprint });

export async function checkImport(actor: UserActor, files: Array<{ name: string; bytes: Uint8Array }>): Promise<ImportCheck> {
  return checkOf(await prepareImport(actor, files));
}
