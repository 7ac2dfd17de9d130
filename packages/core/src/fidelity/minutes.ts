import { clock, districtToday } from "../clock";
import { missedReasons, type AccommodationAnswer, type Helped, type MissedReason } from "./schema";
import { isoWeekOf } from "./week";
import type { DistrictInfo } from "../district/schema";

/**
 * The one count of service minutes and accommodation answers that every screen and export shows
 * (docs/minutes.md): the parent's weeks, the caseload, the director's report, both CSVs, the packet.
 * Pure: it sums week cells that `fidelityRows` builds; the clock enters only through `currentWeekOf`.
 */

/**
 * A week has `ended` once the district's calendar has left it; the week holding the district's today
 * is `in_progress` (it can be filled in, and owes nothing yet); later weeks are `future` (the server
 * refuses to open them: `future_week`).
 */
export type WeekState = "ended" | "in_progress" | "future";

/** This week on the district's calendar (its time zone, not UTC). */
export const currentWeekOf = (district: Pick<DistrictInfo, "timeZone">, now = clock.now()) => isoWeekOf(districtToday(district, now));

export const weekState = (week: string, currentWeek: string): WeekState => (week < currentWeek ? "ended" : week === currentWeek ? "in_progress" : "future");

export const zeroMissed = () => Object.fromEntries(missedReasons.map((r) => [r, 0])) as Record<MissedReason, number>;

/** One service in one week, as `fidelityRows` gives it. */
export interface ServiceWeekCell {
  serviceId: string;
  name: string;
  /** Who accounts for it that week: its provider, or without one the case manager. */
  staffIds: string[];
  /** Minutes the IEP asks for that week, prorated by school day. */
  required: number;
  /** Minutes recorded as held. */
  delivered: number;
  /** Sessions recorded as missed, by reason. */
  missed: Record<MissedReason, number>;
  /** Someone who accounts for it answered for it (a draft or a submitted form). */
  recorded: boolean;
  /** Make-up (compensatory) minutes held that week against a make-up plan: they pay the balance owed, not the week's own minutes. */
  makeUp?: number;
}

/** What a service adds up to over a range of weeks. */
export interface ServiceMinutes {
  serviceId: string;
  name: string;
  /** Required minutes of the weeks that have ended, recorded or not. */
  required: number;
  /** Minutes given in the weeks that have ended. */
  delivered: number;
  /**
   * Required minutes of ended, recorded weeks not given, less the make-up minutes held:
   * max(0, recorded.required - delivered - makeUp).
   */
  owed: number;
  /**
   * Make-up minutes held against make-up plans in the range, the week in progress included: they pay a
   * balance already owed, so they count as soon as they are recorded (docs/rights.md).
   */
  makeUp: number;
  /** Sessions recorded as missed in ended weeks, in all and by reason. */
  missedSessions: number;
  missedByReason: Record<MissedReason, number>;
  /** Ended weeks with a record, and their required minutes. */
  recorded: { weeks: number; required: number };
  /** Ended weeks that asked for minutes and have no record yet, and their required minutes. */
  notRecorded: { weeks: number; required: number };
  /** The week in progress, when the range holds it: shown, never counted above. */
  inProgress: { week: string; required: number; delivered: number; recorded: boolean } | null;
  /** Percent of the recorded weeks' required minutes that were given (null when none were required). */
  percentOfMinutes: number | null;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : null);

/** Sums one service's week cells (in week order) into the totals every page shows. */
export function serviceMinutes(serviceId: string, name: string, cells: Array<{ week: string; state: WeekState; cell: ServiceWeekCell }>): ServiceMinutes {
  const out: ServiceMinutes = {
    serviceId,
    name,
    required: 0,
    delivered: 0,
    owed: 0,
    makeUp: 0,
    missedSessions: 0,
    missedByReason: zeroMissed(),
    recorded: { weeks: 0, required: 0 },
    notRecorded: { weeks: 0, required: 0 },
    inProgress: null,
    percentOfMinutes: null,
  };
  for (const { week, state, cell } of cells) {
    if (state === "in_progress") out.inProgress = { week, required: cell.required, delivered: cell.delivered, recorded: cell.recorded };
    if (state !== "future") out.makeUp += cell.makeUp ?? 0;
    if (state !== "ended") continue;
    if (cell.recorded) {
      out.required += cell.required;
      out.delivered += cell.delivered;
      out.recorded.weeks += 1;
      out.recorded.required += cell.required;
      for (const reason of missedReasons) {
        out.missedByReason[reason] += cell.missed[reason];
        out.missedSessions += cell.missed[reason];
      }
    } else if (cell.required > 0) {
      out.required += cell.required;
      out.notRecorded.weeks += 1;
      out.notRecorded.required += cell.required;
    }
  }
  out.owed = Math.max(0, out.recorded.required - out.delivered - out.makeUp);
  out.percentOfMinutes = pct(out.delivered, out.recorded.required);
  return out;
}

/** Adds service totals of several students (or several groups of weeks) into one: the director's rows. */
export function addServiceMinutes(a: Omit<ServiceMinutes, "inProgress">, b: Omit<ServiceMinutes, "inProgress">): Omit<ServiceMinutes, "inProgress"> {
  const missedByReason = zeroMissed();
  for (const reason of missedReasons) missedByReason[reason] = a.missedByReason[reason] + b.missedByReason[reason];
  const recorded = { weeks: a.recorded.weeks + b.recorded.weeks, required: a.recorded.required + b.recorded.required };
  const delivered = a.delivered + b.delivered;
  return {
    serviceId: a.serviceId,
    name: a.name,
    required: a.required + b.required,
    delivered,
    // Owed is counted per student and service, then added: one student's extra minutes never pay another's.
    owed: a.owed + b.owed,
    makeUp: a.makeUp + b.makeUp,
    missedSessions: a.missedSessions + b.missedSessions,
    missedByReason,
    recorded,
    notRecorded: { weeks: a.notRecorded.weeks + b.notRecorded.weeks, required: a.notRecorded.required + b.notRecorded.required },
    percentOfMinutes: pct(delivered, recorded.required),
  };
}

/** One staff member's answer for one accommodation in one week; null when they recorded nothing. */
export interface AccommodationAnswerCell {
  staffId: string;
  status: AccommodationAnswer["status"] | null;
  /** On a "provided" answer: whether it helped, when the teacher said. */
  helped?: Helped;
}

/**
 * An accommodation over a range, counted in weekly reports: one per team member who should answer for
 * it, per week. Percent of reports: provided in full over the reports that say provided, partly or
 * not provided ("did not apply" and "not recorded" are left out, and shown beside it).
 */
export interface AccommodationCounts {
  itemId: string;
  text: string;
  provided: number;
  partly: number;
  notProvided: number;
  notApplicable: number;
  notRecorded: number;
  /** provided + partly + notProvided */
  answered: number;
  percentOfReports: number | null;
  /** The week in progress: its reports so far, never counted above. */
  inProgress: { week: string; answered: number; expected: number } | null;
}

export function accommodationCounts(
  itemId: string,
  text: string,
  cells: Array<{ week: string; state: WeekState; answers: AccommodationAnswerCell[] }>,
): AccommodationCounts {
  const out: AccommodationCounts = {
    itemId,
    text,
    provided: 0,
    partly: 0,
    notProvided: 0,
    notApplicable: 0,
    notRecorded: 0,
    answered: 0,
    percentOfReports: null,
    inProgress: null,
  };
  for (const { week, state, answers } of cells) {
    if (state === "in_progress") out.inProgress = { week, answered: answers.filter((a) => a.status !== null).length, expected: answers.length };
    if (state !== "ended") continue;
    for (const a of answers) {
      if (a.status === "provided") out.provided += 1;
      else if (a.status === "partly") out.partly += 1;
      else if (a.status === "not_provided") out.notProvided += 1;
      else if (a.status === "not_applicable") out.notApplicable += 1;
      else out.notRecorded += 1;
    }
  }
  return finishCounts(out);
}

function finishCounts<T extends Omit<AccommodationCounts, "inProgress">>(out: T): T {
  out.answered = out.provided + out.partly + out.notProvided;
  out.percentOfReports = pct(out.provided, out.answered);
  return out;
}

export function addAccommodationCounts(
  a: Omit<AccommodationCounts, "inProgress">,
  b: Omit<AccommodationCounts, "inProgress">,
): Omit<AccommodationCounts, "inProgress"> {
  return finishCounts({
    itemId: a.itemId,
    text: a.text,
    provided: a.provided + b.provided,
    partly: a.partly + b.partly,
    notProvided: a.notProvided + b.notProvided,
    notApplicable: a.notApplicable + b.notApplicable,
    notRecorded: a.notRecorded + b.notRecorded,
    answered: 0,
    percentOfReports: null,
  });
}
