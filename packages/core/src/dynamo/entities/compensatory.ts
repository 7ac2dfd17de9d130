import type { TransactPut, TransactUpdate } from "../client";
import { keys } from "../keys";
import { putNew } from "../write";

/** What the director's board needs of a make-up plan to find it when its due day has passed. */
export interface CompensatoryDueEntry {
  districtId: string;
  studentId: string;
  planId: string;
  dueOn: string;
}

/**
 * Make-up (compensatory) plans: the plan in the student's plan partition, and its entry by due day for
 * the board, written together. Two counters guard the totals against writers racing each other, each
 * updated in the transaction of the write that changes it:
 *  - `planned` (one item per student and service): the minutes of all its plans, refused past a ceiling
 *    the writer computed from the owed balance it read;
 *  - `given` (on the plan item): the make-up minutes recorded against the plan on all the student's
 *    forms, refused past the plan's minutes.
 * A counter missing (an item written before it) starts from the total the writer read.
 */
export namespace CompensatoryItems {
  /** A new plan, its `given` counter at 0 unless the plan arrives with make-up minutes already recorded (the demo's). */
  export const putPlan = (plan: { studentId: string; id: string; given?: number } & Record<string, unknown>): TransactPut =>
    putNew({ ...keys.compensatoryPlan(plan.studentId, plan.id), type: "compensatory-plan", given: 0, ...plan });
  export const putDue = (entry: CompensatoryDueEntry): TransactPut => ({
    put: { ...keys.compensatoryDue(entry.districtId, entry.dueOn, entry.planId), type: "compensatory-due", ...entry },
  });

  /**
   * Adds a new plan's `minutes` to its service's planned total, refused unless the total is still at most
   * `ceiling` (the most it may hold before this plan: what the writer read plus what was still free to plan,
   * less this plan). `stored` is the total the writer read, used when the counter is not there yet.
   */
  export const addPlanned = (studentId: string, serviceId: string, minutes: number, stored: number, ceiling: number): TransactUpdate => ({
    update: keys.compensatoryPlanned(studentId, serviceId),
    expression: "SET #planned = if_not_exists(#planned, :stored) + :minutes, #type = :type",
    condition: "attribute_not_exists(#planned) OR #planned <= :ceiling",
    names: { "#planned": "planned", "#type": "type" },
    values: { ":stored": stored, ":minutes": minutes, ":ceiling": ceiling, ":type": "compensatory-planned" },
  });

  /**
   * Changes a plan's `given` total by `delta` (a form's make-up minutes for it, after less before). An
   * increase is refused unless the total is still at most `ceiling` (the plan's minutes less `delta`);
   * the plan must exist. `stored` is the total the writer read, used when the counter is not there yet.
   */
  export const addGiven = (studentId: string, planId: string, delta: number, stored: number, ceiling?: number): TransactUpdate => ({
    update: keys.compensatoryPlan(studentId, planId),
    expression: "SET #given = if_not_exists(#given, :stored) + :delta",
    condition: ceiling === undefined ? "attribute_exists(pk)" : "attribute_exists(pk) AND (attribute_not_exists(#given) OR #given <= :ceiling)",
    names: { "#given": "given" },
    values: { ":stored": stored, ":delta": delta, ...(ceiling !== undefined && { ":ceiling": ceiling }) },
  });
}
