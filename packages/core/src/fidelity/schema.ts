import * as v from "valibot";
import { IsoDate } from "../iep/schema";
import { codedCheck } from "../problem";
import { isWeek } from "./week";

/** Fidelity form shapes; no AWS imports, so the web's forms reuse them. */
export const accommodationStatuses = ["provided", "partly", "not_provided", "not_applicable"] as const;
export const missedReasons = ["student_absent", "provider_absent", "school_closed", "schedule_conflict", "other"] as const;
export const formStatuses = ["not_started", "draft", "submitted"] as const;
/**
 * Why a support was not given, or only partly: the barrier behind a miss. `not_sure_how` and
 * `materials_missing` are the ones a case manager can remove; `other` says what in the note.
 */
export const barrierReasons = ["student_absent", "student_declined", "materials_missing", "not_sure_how", "time_or_staff", "other"] as const;
export type BarrierReason = (typeof barrierReasons)[number];
export type FormStatus = (typeof formStatuses)[number];
export type AccommodationStatus = (typeof accommodationStatuses)[number];
export type MissedReason = (typeof missedReasons)[number];

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
});

/** A miss: the answers that name their barrier. */
export const isMiss = (status: AccommodationStatus | undefined) => status === "partly" || status === "not_provided";

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

/** `makeUp` is optional: a service answer without make-up sessions is what it always was. */
export const ServiceAnswer = v.object({
  serviceId: ItemId,
  sessions: v.pipe(v.array(Session), v.maxLength(20, "At most 20 sessions a week")),
  makeUp: v.optional(v.pipe(v.array(MakeUpSession), v.maxLength(20, "At most 20 make-up sessions a week"))),
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
