import { hasNeededNote, isMiss, type FidelityForm } from "./schema";

/**
 * What still stops a form from being submitted. A draft is saved whatever it lacks, so no answer is
 * ever lost; these are named with every save and read, and submitting refuses while any remains.
 * Pure: no clock, no AWS (the caller says whether the week is late and the version acknowledged).
 */
export type SubmitBlocker =
  | { code: "unanswered"; itemId: string }
  | { code: "note_required"; itemId: string }
  | { code: "barrier_required"; itemId: string }
  | { code: "reason_required" }
  | { code: "acknowledgment_required"; version: number };

/**
 * Items of the plan not answered, misses ("not provided", "partly") without the barrier behind them,
 * and answers without the note they need ("not applicable", a barrier of "other"), in plan order.
 */
export type ItemBlocker = Extract<SubmitBlocker, { itemId: string }>;

export function itemBlockers(form: Pick<FidelityForm, "plan" | "accommodations">): ItemBlocker[] {
  return form.plan.accommodations.flatMap((item): ItemBlocker[] => {
    const answer = form.accommodations.find((a) => a.itemId === item.id);
    if (!answer) return [{ code: "unanswered", itemId: item.id }];
    if (isMiss(answer.status) && !answer.reason) return [{ code: "barrier_required", itemId: item.id }];
    return hasNeededNote(answer) ? [] : [{ code: "note_required", itemId: item.id }];
  });
}

export function submitBlockers(
  form: Pick<FidelityForm, "plan" | "accommodations" | "status" | "iepVersion" | "lateReason">,
  context: { acknowledged: boolean; late: boolean },
): SubmitBlocker[] {
  if (form.status === "submitted") return [];
  return [
    ...(context.acknowledged ? [] : [{ code: "acknowledgment_required" as const, version: form.iepVersion }]),
    ...(context.late && !form.lateReason ? [{ code: "reason_required" as const }] : []),
    ...itemBlockers(form),
  ];
}
