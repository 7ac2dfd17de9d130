import { batchDelete, keys, queryAll } from "../dynamo";
import type { DistrictInfo } from "../district/schema";
import { currentWeekOf } from "../fidelity/minutes";
import type { FidelityForm } from "../fidelity/schema";
import { refreshConcernPatterns, type ConcernSubject } from "./concerns";
import { refreshMissPatterns } from "./counts";
import { patternItemType, patternKey } from "./items";

/**
 * The patterns a write changes, found again once the write has committed. The counts they come from
 * were written in the write's own transaction; a failure here is logged and leaves the write standing
 * (the next write to the same school and week finds the patterns again).
 */
export namespace Patterns {
  const logged = (what: string, extra: Record<string, string>) => (e: Error) =>
    console.error(JSON.stringify({ level: "error", msg: `finding ${what} patterns failed`, ...extra, name: e.name, message: e.message }));

  export async function afterFormWrite(form: Pick<FidelityForm, "districtId" | "schoolId" | "week" | "staffId">, district: DistrictInfo) {
    const currentWeek = currentWeekOf(district);
    await Promise.all([refreshMissPatterns(form.districtId, form.schoolId, form.week, currentWeek), formsResumed(form, currentWeek)]).catch(
      logged("form", { schoolId: form.schoolId, week: form.week }),
    );
  }

  /** A teacher who submits a form for a week ends the "forms stopped" patterns that counted it as missing. */
  async function formsResumed(form: Pick<FidelityForm, "districtId" | "staffId" | "week">, currentWeek: string) {
    const found = await queryAll(patternItemType, keys.patternsOf(form.districtId, form.week, currentWeek));
    const ended = found.filter((p) => p.kind === "forms_stopped" && p.teacherId === form.staffId && p.since <= form.week);
    if (ended.length) await batchDelete(ended.map((p) => patternKey(form.districtId, p)));
  }

  export const afterConcernFiled = (c: ConcernSubject) => refreshConcernPatterns(c).catch(logged("concern", { concernId: c.id }));
}
