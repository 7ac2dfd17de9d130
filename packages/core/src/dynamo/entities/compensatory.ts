import type { TransactPut } from "../client";
import { keys } from "../keys";
import { putNew } from "../write";

/** What the director's board needs of a make-up plan to find it when its due day has passed. */
export interface CompensatoryDueEntry {
  districtId: string;
  studentId: string;
  planId: string;
  dueOn: string;
}

/** Make-up (compensatory) plans: the plan in the student's plan partition, and its entry by due day for the board, written together. */
export namespace CompensatoryItems {
  export const putPlan = (plan: { studentId: string; id: string } & Record<string, unknown>): TransactPut =>
    putNew({ ...keys.compensatoryPlan(plan.studentId, plan.id), type: "compensatory-plan", ...plan });
  export const putDue = (entry: CompensatoryDueEntry): TransactPut => ({
    put: { ...keys.compensatoryDue(entry.districtId, entry.dueOn, entry.planId), type: "compensatory-due", ...entry },
  });
}
