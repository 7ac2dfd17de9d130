import * as v from "valibot";
import { helpActionNames } from "../access/help";

/** Help request shapes; no AWS imports, so the web reuses them. */

/**
 * Why a request was opened: the teacher said they are not sure how to provide the support, or that
 * materials were missing; they asked for help outright ("I need help with this"); or the support was
 * missed two weeks running.
 */
export const helpTriggers = ["not_sure_how", "materials_missing", "asked", "missed_twice"] as const;
export type HelpTrigger = (typeof helpTriggers)[number];
export const helpStatuses = ["open", "resolved"] as const;
export type HelpStatus = (typeof helpStatuses)[number];

/** School days a case manager has to answer, when the district sets none (`helpRequestDueSchoolDays`). */
export const defaultHelpDueSchoolDays = 3;

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(2000, "At most 2000 characters"));

/** POST /api/help-requests/:id/actions: `version` as the writer read the request (a stale one is 409). */
export const HelpAction = v.object({
  action: v.picklist(helpActionNames),
  text: Text,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});
export type HelpAction = v.InferOutput<typeof HelpAction>;

export interface HelpNote {
  by: string;
  byName: string;
  at: string;
  text: string;
}

export interface HelpRequest {
  id: string;
  districtId: string;
  schoolId: string;
  studentId: string;
  studentName: string;
  /** The IEP item (accommodation or service) the teacher needs help with, and its words. */
  itemId: string;
  itemText: string;
  trigger: HelpTrigger;
  /** The teacher's note on the answer, when they wrote one. */
  note?: string;
  formId: string;
  week: string;
  teacherId: string;
  teacherName: string;
  caseManagerId: string;
  caseManagerName: string;
  status: HelpStatus;
  createdAt: string;
  /** The end of the due school day (an instant), and that day on the district's calendar. */
  dueAt: string;
  dueOn: string;
  version: number;
  comments: HelpNote[];
  resolution?: HelpNote;
}

/** PUT /api/team-notes/:studentId/:week: the note as its writer saw it (`version` 0: there was none). */
export const TeamNoteSave = v.object({
  text: v.pipe(v.string(), v.trim(), v.maxLength(1000, "At most 1000 characters")),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type TeamNoteSave = v.InferOutput<typeof TeamNoteSave>;
