import { districtFidelity } from "./district-report";
import { getForm, listForWeek, listOpenBefore, save, submit } from "./forms";
import { studentFidelity } from "./student-report";
import { classWeek, submitClassWeek } from "./class-week";
import { iepReview } from "./review";

export * from "./schema";
export { formId, formItem, formItemType, newForm, isInstructionDay, districtToday } from "./form";
export { submitBlockers, itemBlockers, type SubmitBlocker } from "./blockers";
export type { ClassFormResult } from "./class-week";
export { fidelityRows, summarize, studentMinutes, type FidelityRow } from "./student-report";
export * from "./minutes";
export { helpedCounts, type HelpedCounts } from "./helped";
export { reviewOf, reviewPeriod, type IepReview } from "./review";
export { windowOf, windowPeriods, type WindowPeriod } from "./window";
export { isoWeekOf, weekStart, weekDays, addWeeks, weeksBetween } from "./week";

/**
 * Weekly fidelity forms: each team member records, per student and ISO week, whether each
 * accommodation that applies to them was provided and the service minutes delivered or missed.
 */
export namespace Fidelity {
  export const forms = listForWeek;
  export const openBefore = listOpenBefore;
  export const get = getForm;
  export const saveDraft = save;
  export const submitForm = submit;
  export const student = studentFidelity;
  export const report = districtFidelity;
  /** A class's week on one screen, and submitting it form by form. */
  export const classForms = classWeek;
  export const submitClass = submitClassWeek;
  /** The IEP review summary: each support's delivery and "did it help" over an IEP version's period. */
  export const review = iepReview;
}

export { sendReminders, remindDistrict, weekToRemind } from "./reminders";
