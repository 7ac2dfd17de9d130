/**
 * The legal clocks a family has or is owed, declared once: each period as data with its citation
 * (federal IDEA Part B, 34 CFR 300), which a district may override where its state's rule differs
 * (`DistrictSettings.rightsClocks`). Every date is a plain calendar date (YYYY-MM-DD) in the
 * district's zone; `endsOn` is the last day the clock allows, inclusive. Pure: the web bundles it.
 * See docs/rights.md.
 */
import * as v from "valibot";
import { rulesOf } from "../words/plural";
import { addDays, localDate } from "../calendar/zoned";
import { rightsTexts } from "../messages/catalog-rights";
import { sayFrom } from "../messages/say";
import { whole } from "../problem";

export type PeriodUnit = "days" | "years";
export interface Period {
  amount: number;
  unit: PeriodUnit;
}

/**
 * - `state_complaint_window`: a state complaint must allege a violation no more than one year before
 *   the state receives it; the window opens on the day the lapse happened.
 * - `state_complaint_decision`: the state decides within 60 calendar days of receiving the complaint.
 * - `records_request`: the district lets the parent inspect the records within 45 days of the request
 *   (and before any IEP meeting or hearing, which the basis says in words).
 */
export const clockRules = {
  state_complaint_window: { period: { amount: 1, unit: "years" }, citation: "34 CFR 300.153(c)" },
  state_complaint_decision: { period: { amount: 60, unit: "days" }, citation: "34 CFR 300.152(a)" },
  records_request: { period: { amount: 45, unit: "days" }, citation: "34 CFR 300.613(a)" },
} as const satisfies Record<string, { period: Period; citation: string }>;

export type ClockKind = keyof typeof clockRules;
export const clockKinds = Object.keys(clockRules) as ClockKind[];

/** A district's own period for a clock, with the state rule that sets it. */
export const ClockOverride = v.object({
  amount: whole(1, 3650, "1 to 3650"),
  unit: v.picklist(["days", "years"], "days or years"),
  citation: v.pipe(v.string(), v.trim(), v.nonEmpty("Name the rule (e.g. a state code section)"), v.maxLength(120)),
});
export type ClockOverride = v.InferOutput<typeof ClockOverride>;
export const ClockOverrides = v.partial(
  v.object(Object.fromEntries(clockKinds.map((kind) => [kind, ClockOverride])) as Record<ClockKind, typeof ClockOverride>),
);
export type ClockOverrides = v.InferOutput<typeof ClockOverrides>;

/** The period and citation that apply in a district: its override, else the federal rule. */
export const ruleOf = (kind: ClockKind, overrides: ClockOverrides | undefined): { period: Period; citation: string } => {
  const own = overrides?.[kind];
  return own ? { period: { amount: own.amount, unit: own.unit }, citation: own.citation } : clockRules[kind];
};

/**
 * The last day of a period that starts on `startsOn`: that many days later, or the same date that
 * many years later. A period that starts on February 29 ends on February 28 of a year without one,
 * never March 1: a family is never told it has a day it may not have.
 */
export function periodEnd(startsOn: string, period: Period): string {
  if (period.unit === "days") return addDays(startsOn, period.amount);
  const [y, m, d] = startsOn.split("-").map(Number) as [number, number, number];
  const year = y + period.amount;
  const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastOfMonth)).padStart(2, "0")}`;
}

const say = sayFrom(rightsTexts);
const periodWords = (lang: "en" | "es", period: Period) => {
  const one = rulesOf(lang).select(period.amount) === "one";
  const code = period.unit === "days" ? (one ? "rightsPeriod.day" : "rightsPeriod.days") : one ? "rightsPeriod.year" : "rightsPeriod.years";
  return say(lang, code, { count: period.amount });
};

export interface Clock {
  kind: ClockKind;
  startsOn: string;
  endsOn: string;
  /** The rule in words, in both languages, citation included. */
  basis: { citation: string; en: string; es: string };
}

/** The clock of `kind` that starts on `startsOn`, under the district's overrides. */
export function clockOf(kind: ClockKind, startsOn: string, overrides?: ClockOverrides): Clock {
  const { period, citation } = ruleOf(kind, overrides);
  const words = (lang: "en" | "es") => say(lang, `rightsBasis.${kind}`, { period: periodWords(lang, period), citation });
  return { kind, startsOn, endsOn: periodEnd(startsOn, period), basis: { citation, en: words("en"), es: words("es") } };
}

/** Whether a clock ends from `today` through `days` days later (the board's horizon). */
export const endsWithin = (clock: Pick<Clock, "endsOn">, today: string, days: number) => clock.endsOn >= today && clock.endsOn <= addDays(today, days);

/** What a concern tells its clocks from. */
export interface ClockedConcern {
  happenedOn?: string;
  createdAt: string;
  stateComplaintFiledOn?: string;
}

/**
 * A concern's clocks: the window to file a state complaint, from the day the lapse happened (else the
 * day the concern was filed, in the district's zone); once the parent records filing one, the state's
 * time to decide it.
 */
export function concernClocks(concern: ClockedConcern, timeZone: string, overrides?: ClockOverrides): Clock[] {
  const filedOn = localDate(new Date(concern.createdAt), timeZone);
  const happened = concern.happenedOn && concern.happenedOn < filedOn ? concern.happenedOn : filedOn;
  return [
    clockOf("state_complaint_window", happened, overrides),
    ...(concern.stateComplaintFiledOn ? [clockOf("state_complaint_decision", concern.stateComplaintFiledOn, overrides)] : []),
  ];
}
