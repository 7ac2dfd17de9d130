import * as v from "valibot";
import { IsoDate } from "../iep/schema";
import { codedCheck } from "../problem";
import { isWeek } from "./week";
import { accommodationStatuses, barrierReasons, helpedAnswers, missedReasons, type FormStatus } from "./answers";

/** Fidelity form shapes; no AWS imports, so the web's forms reuse them. The lists of answers are in ./answers.ts. */
export * from "./answers";

export const Week = v.pipe(v.string(), v.maxLength(8), codedCheck(isWeek, "invalid_week", "A week as YYYY-Www, such as 2026-W47"));
const Note = v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500, "At most 500 characters")));
const Reason = v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(500, "At most 500 characters")));
const ItemId = v.pipe(v.string(), v.maxLength(64));

/**
 * An answer as a draft keeps it: "not applicable" may wait for its note. A draft is stored whatever it
 * lacks; what still stops submitting is named by `submitBlockers` (./blockers.ts).
 */
export const AccommodationDraft = v.object({
  itemId: ItemId,
  status: v.picklist(accommodationStatuses),
  note: Note,
  /** The barrier, for a "not provided" or "partly" answer. */
  reason: v.optional(v.picklist(barrierReasons)),
  /** Did it help? Only on a "provided" answer (./save.ts refuses it elsewhere); never required. */
  helped: v.optional(v.picklist(helpedAnswers)),
  /** "I need help with this": submitting asks the student's case manager for help with this support (help/). */
  needsHelp: v.optional(v.boolean()),
});

/** "Did not apply" must say why (no test this week), or the record cannot tell it from a lapse. */
export const hasNeededNote = (a: { status: string; note?: string; reason?: string }) =>
  (a.status !== "not_applicable" && a.reason !== "other") || !!a.note?.trim();

/** A complete answer, as submitting needs it. */
export const AccommodationAnswer = v.pipe(
  AccommodationDraft,
  v.forward(
    codedCheck((a: v.InferOutput<typeof AccommodationDraft>) => hasNeededNote(a), "note_required", 'Say why it did not apply, such as "no test this week"'),
    ["note"],
  ),
);
export type AccommodationAnswer = v.InferOutput<typeof AccommodationAnswer>;

export const Session = v.union([
  v.object({
    date: IsoDate,
    minutes: v.pipe(v.number(), v.integer("Whole minutes"), v.minValue(1, "At least 1 minute"), v.maxValue(600, "At most 600 minutes")),
  }),
  v.object({ date: IsoDate, missed: v.picklist(missedReasons), note: Note }),
]);
export type Session = v.InferOutput<typeof Session>;

/** A make-up (compensatory) session held against a make-up plan of the same service (compensatory.ts). */
export const MakeUpSession = v.object({
  planId: v.pipe(v.string(), v.maxLength(64)),
  date: IsoDate,
  minutes: v.pipe(v.number(), v.integer("Whole minutes"), v.minValue(1, "At least 1 minute"), v.maxValue(600, "At most 600 minutes")),
});
export type MakeUpSession = v.InferOutput<typeof MakeUpSession>;

/** `makeUp` and `needsHelp` are optional: a service answer without them is what it always was. */
export const ServiceAnswer = v.object({
  serviceId: ItemId,
  sessions: v.pipe(v.array(Session), v.maxLength(20, "At most 20 sessions a week")),
  makeUp: v.optional(v.pipe(v.array(MakeUpSession), v.maxLength(20, "At most 20 make-up sessions a week"))),
  /** "I need help with this": submitting asks the student's case manager for help with this service (help/). */
  needsHelp: v.optional(v.boolean()),
});
export type ServiceAnswer = v.InferOutput<typeof ServiceAnswer>;

export const FormSave = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  accommodations: v.pipe(v.array(AccommodationDraft), v.maxLength(100)),
  services: v.pipe(v.array(ServiceAnswer), v.maxLength(50)),
  /** A note on the student's week as a whole. */
  note: Note,
  /** Needed for a week past the district's grace period, and for a correction after submitting. */
  reason: Reason,
});
export type FormSave = v.InferOutput<typeof FormSave>;

/** GET /api/fidelity/classes/:classId/weeks/:week: a class's week, every form of it on one screen. */
export const ClassWeekParams = v.object({ classId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)), week: Week });

/** POST .../submit: each form's answers as the teacher saw them, saved and submitted form by form. */
export const ClassSubmit = v.object({
  forms: v.pipe(v.array(v.object({ id: ItemId, ...FormSave.entries })), v.minLength(1, "At least one form"), v.maxLength(60, "At most 60 forms")),
});
export type ClassSubmit = v.InferOutput<typeof ClassSubmit>;

/** `version`: the form as the submitter saw it; a form changed elsewhere since answers 409, never submits unseen answers. */
export const FormSubmit = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(0)), reason: Reason });

/** GET /api/fidelity/forms?week=2026-W49: my forms for a week; without `week`, the week holding the district's today. */
export const WeekQuery = v.object({ week: v.optional(Week) });
/** GET /api/fidelity/forms/open?before=2026-W48: my forms still open from the school year's earlier weeks. */
export const OpenFormsQuery = v.object({ before: Week });

/** Weeks or dates; a date stands for its week. */
export const WeekOrDate = v.union([Week, IsoDate]);
const Format = v.optional(v.picklist(["json", "csv"]));
/** A window counted back from this week on the district's calendar (window.ts). */
const Period = v.optional(v.picklist(["last4", "last10", "school_year"]));
export const StudentFidelityQuery = v.object({ from: v.optional(WeekOrDate), to: v.optional(WeekOrDate), period: Period, format: Format });
/**
 * GET /api/students/:id/iep/review: the IEP review summary over an IEP version's period, by default the
 * version in effect on the district's today; `version=` names an earlier one.
 */
export const IepReviewQuery = v.object({
  version: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,3}$/, "An IEP version number, such as 2"), v.transform(Number))),
  format: Format,
});
export const FidelityReportQuery = v.object({
  schoolId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  /** One student's rows: the same totals as that student's own page. */
  studentId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  teacherId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  from: v.optional(WeekOrDate),
  to: v.optional(WeekOrDate),
  period: Period,
  format: Format,
});

/** What one staff member reports on for one student in one week: a snapshot of the IEP items that apply to them. */
export interface FormPlan {
  accommodations: Array<{ id: string; text: string }>;
  services: Array<{ id: string; name: string; minutesPerWeek: number; providerRole: string }>;
}

export interface FidelityForm {
  id: string;
  districtId: string;
  studentId: string;
  studentName: string;
  schoolId: string;
  staffId: string;
  staffName: string;
  week: string;
  classIds: string[];
  iepVersion: number;
  plan: FormPlan;
  status: FormStatus;
  version: number;
  revision: number;
  accommodations: AccommodationAnswer[];
  services: ServiceAnswer[];
  /** A note on the student's week as a whole. */
  note?: string;
  createdAt: string;
  updatedAt: string;
  updatedBy?: string;
  submittedAt?: string;
  lateReason?: string;
  correctionReason?: string;
}
