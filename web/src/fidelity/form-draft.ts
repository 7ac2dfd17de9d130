import { t, type StringKey } from "../i18n";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/compensatory";
import { formatDate } from "../format";
import { isMiss, type AccommodationStatus, type BarrierReason, type Helped, type MissedReason } from "@fidelio/core/fidelity/answers";
import type { AccommodationAnswer, ServiceAnswer, Session } from "@fidelio/core/fidelity/schema";
import { addDays } from "@fidelio/core/calendar/zoned";
import type { FormDetail } from "./data";

/** What the teacher is editing: strings as typed, so a half-typed number is not lost or rejected mid-word. */
export interface SessionDraft {
  date: string;
  outcome: "held" | MissedReason;
  minutes: string;
  note: string;
}
/** A make-up session held against one of the staff member's make-up plans for the service (compensatory.ts). */
export interface MakeUpDraft {
  planId: string;
  date: string;
  minutes: string;
}
export interface FormDraft {
  accommodations: Record<string, { status?: AccommodationStatus; note: string; reason?: BarrierReason; helped?: Helped; needsHelp?: boolean }>;
  services: Record<string, SessionDraft[]>;
  /** "I need help with this" on a service, by service id (an accommodation's is on its answer). */
  serviceHelp?: Record<string, boolean>;
  /** Make-up sessions by service; kept apart from the week's own sessions, which they do not count toward. */
  makeUp: Record<string, MakeUpDraft[]>;
}

const toSessionDraft = (session: Session): SessionDraft =>
  "missed" in session
    ? { date: session.date, outcome: session.missed, minutes: "", note: session.note ?? "" }
    : { date: session.date, outcome: "held", minutes: String(session.minutes), note: "" };

type Answers = Pick<FormDetail, "accommodations" | "services">;

/** The editable draft of a form's answers, one entry for each item of its plan. */
export function draftOf(form: Pick<FormDetail, "plan"> & Answers, answers: Answers = form): FormDraft {
  return {
    accommodations: Object.fromEntries(
      form.plan.accommodations.map((p) => {
        const answer = answers.accommodations.find((a) => a.itemId === p.id);
        return [p.id, { status: answer?.status, note: answer?.note ?? "", reason: answer?.reason, helped: answer?.helped, needsHelp: answer?.needsHelp }];
      }),
    ),
    services: Object.fromEntries(
      form.plan.services.map((p) => [p.id, (answers.services.find((s) => s.serviceId === p.id)?.sessions ?? []).map(toSessionDraft)]),
    ),
    serviceHelp: Object.fromEntries(answers.services.filter((s) => s.needsHelp).map((s) => [s.serviceId, true])),
    makeUp: Object.fromEntries(
      form.plan.services.map((p) => [
        p.id,
        (answers.services.find((s) => s.serviceId === p.id)?.makeUp ?? []).map((m) => ({ planId: m.planId, date: m.date, minutes: String(m.minutes) })),
      ]),
    ),
  };
}

/** A new make-up session on the plan given and the week's first school day, so one tap adds a row to fill in. */
export const newMakeUp = (days: string[], planId: string): MakeUpDraft => ({ planId, date: days[0]!, minutes: "" });

/** A new session on the first of the week's school days (`FormDetail.days`) not yet used, so one tap adds a usable row. */
export function newSession(days: string[], existing: SessionDraft[]): SessionDraft {
  return { date: days.find((d) => !existing.some((s) => s.date === d)) ?? days[0]!, outcome: "held", minutes: "", note: "" };
}

/**
 * Last week's answers carried into this form: same statuses and notes, sessions moved on by seven days;
 * a session that lands on a day without school this week (a closure) is left out.
 */
export function prefillFrom(previous: NonNullable<FormDetail["previous"]>, current: FormDetail): FormDraft {
  const earlier = draftOf(current, previous);
  const days = new Set(current.days);
  // Asking for help is about this week: last week's request is not asked again.
  for (const answer of Object.values(earlier.accommodations)) answer.needsHelp = undefined;
  earlier.serviceHelp = {};
  for (const [id, sessions] of Object.entries(earlier.services)) {
    earlier.services[id] = sessions.map((session) => ({ ...session, date: addDays(session.date, 7) })).filter((session) => days.has(session.date));
  }
  // Make-up sessions are this week's own: last week's are not carried over, this week's stay.
  earlier.makeUp = draftOf(current).makeUp;
  return earlier;
}

export const needsNote = (answer: { status?: AccommodationStatus; note: string; reason?: BarrierReason }) =>
  (answer.status === "not_applicable" || (isMiss(answer.status) && answer.reason === "other")) && !answer.note.trim();

const wholeMinutes = (text: string) => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** The make-up rows of a service complete enough to send (a plan and whole minutes), with their place in the draft. */
export const makeUpToSend = (rows: MakeUpDraft[] = []) =>
  rows.flatMap((row, index) => {
    const minutes = wholeMinutes(row.minutes);
    return row.planId && minutes ? [{ index, session: { planId: row.planId, date: row.date, minutes } }] : [];
  });

/** The PUT body for what is complete; an unanswered item or a session without minutes waits until it is. */
export function payloadOf(draft: FormDraft): { accommodations: AccommodationAnswer[]; services: ServiceAnswer[] } {
  const accommodations = Object.entries(draft.accommodations).flatMap(([itemId, answer]) =>
    answer.status
      ? [
          {
            itemId,
            status: answer.status,
            ...(answer.note.trim() ? { note: answer.note.trim() } : {}),
            ...(answer.reason && isMiss(answer.status) ? { reason: answer.reason } : {}),
            // "Did it help?" belongs to a support provided in full: another answer drops it.
            ...(answer.helped && answer.status === "provided" ? { helped: answer.helped } : {}),
            ...(answer.needsHelp ? { needsHelp: true } : {}),
          },
        ]
      : [],
  );
  const services = Object.entries(draft.services).map(([serviceId, sessions]) => ({
    serviceId,
    ...(draft.serviceHelp?.[serviceId] ? { needsHelp: true } : {}),
    sessions: sessions.flatMap((s): Session[] => {
      if (s.outcome !== "held") return [{ date: s.date, missed: s.outcome, ...(s.note.trim() ? { note: s.note.trim() } : {}) }];
      const minutes = wholeMinutes(s.minutes);
      return minutes ? [{ date: s.date, minutes }] : [];
    }),
    ...(makeUpToSend(draft.makeUp?.[serviceId]).length > 0 && { makeUp: makeUpToSend(draft.makeUp[serviceId]).map((m) => m.session) }),
  }));
  return { accommodations, services };
}

export const minutesGiven = (sessions: SessionDraft[]) => sessions.reduce((sum, s) => sum + (s.outcome === "held" ? (wholeMinutes(s.minutes) ?? 0) : 0), 0);

const statusWord = (status?: AccommodationStatus) => (status ? t(`acc.${status}` as StringKey) : "—");
const sessionWord = (s: SessionDraft) =>
  `${formatDate(s.date)}: ${s.outcome === "held" ? t("minutesUnit", { n: s.minutes || 0 }) : t(`missed.${s.outcome}` as StringKey)}`;

const makeUpWord = (m: MakeUpDraft) => `${formatDate(m.date)}: ${t("minutesUnit", { n: m.minutes || 0 })}`;

/** Lines saying how `after` differs from `before`, item by item, in the reader's language: shown on a 409. */
export function describeChanges(form: FormDetail, before: FormDraft, after: FormDraft): string[] {
  const lines: string[] = [];
  for (const item of form.plan.accommodations) {
    const a = before.accommodations[item.id];
    const b = after.accommodations[item.id];
    if (a?.status !== b?.status || (a?.note ?? "") !== (b?.note ?? "")) {
      lines.push(`${item.text}: ${statusWord(a?.status)} → ${statusWord(b?.status)}${b?.note ? ` (“${b.note}”)` : ""}`);
    }
  }
  for (const service of form.plan.services) {
    const a = (before.services[service.id] ?? []).map(sessionWord).join("; ");
    const b = (after.services[service.id] ?? []).map(sessionWord).join("; ");
    if (a !== b) lines.push(`${service.name}: ${b || t("noSessions")}`);
    const ma = (before.makeUp?.[service.id] ?? []).map(makeUpWord).join("; ");
    const mb = (after.makeUp?.[service.id] ?? []).map(makeUpWord).join("; ");
    if (ma !== mb) lines.push(`${service.name}, ${t("makeUpSessions")}: ${mb || t("makeUpNoSessions")}`);
  }
  return lines;
}
