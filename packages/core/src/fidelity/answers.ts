/**
 * The answers a fidelity form offers, with no validation library: pages that only show answers (a
 * parent's fidelity view) import these without the schemas (./schema.ts) that check them.
 */
export const accommodationStatuses = ["provided", "partly", "not_provided", "not_applicable"] as const;
export const missedReasons = ["student_absent", "provider_absent", "school_closed", "schedule_conflict", "other"] as const;
export const formStatuses = ["not_started", "draft", "submitted"] as const;
/**
 * Why a support was not given, or only partly: the barrier behind a miss. `not_sure_how` and
 * `materials_missing` are the ones a case manager can remove; `other` says what in the note.
 */
export const barrierReasons = ["student_absent", "student_declined", "materials_missing", "not_sure_how", "time_or_staff", "other"] as const;
export type BarrierReason = (typeof barrierReasons)[number];
/** Whether a support given in full helped the student, in the teacher's judgement: optional, on a "provided" answer only. */
export const helpedAnswers = ["yes", "somewhat", "no", "not_sure"] as const;
export type Helped = (typeof helpedAnswers)[number];
export type FormStatus = (typeof formStatuses)[number];
export type AccommodationStatus = (typeof accommodationStatuses)[number];
export type MissedReason = (typeof missedReasons)[number];

/** A miss: the answers that name their barrier. */
export const isMiss = (status: AccommodationStatus | undefined) => status === "partly" || status === "not_provided";
