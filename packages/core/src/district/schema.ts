import * as v from "valibot";
import { IsoDate } from "../iep/schema";
import { codedCheck, whole } from "../problem";
import { Email } from "../user/schema";
import { deadlineSettings, type DeadlineSetting } from "../concern/lifecycle";
import { levelTexts } from "../messages/catalog-concern";
import { sayFrom } from "../messages/say";
import { ClockOverrides } from "../rights/clocks";

// The levels' names only: the web bundles this module, and never the catalog's email and packet texts.
const say = sayFrom(levelTexts);

/** District settings shapes; no AWS imports, so the admin form reuses them. */
const schoolDays = (label: string) => whole(1, 60, `${label}: 1 to 60 school days`);

export const Closure = v.pipe(
  v.object({ from: IsoDate, to: IsoDate, name: v.pipe(v.string(), v.trim(), v.nonEmpty("Name the closure"), v.maxLength(80)) }),
  v.forward(
    codedCheck((c) => c.from <= c.to, "closure_ends_before_start", "The closure ends before it starts"),
    ["to"],
  ),
);

export const Calendar = v.pipe(
  v.object({ firstDay: IsoDate, lastDay: IsoDate, closures: v.pipe(v.array(Closure), v.maxLength(200)) }),
  v.forward(
    codedCheck((c) => c.firstDay < c.lastDay, "year_ends_before_start", "The last day must be after the first day"),
    ["lastDay"],
  ),
  v.forward(
    codedCheck(
      (c) => c.closures.every((x) => x.from >= c.firstDay && x.to <= c.lastDay),
      "closure_outside_year",
      "Every closure must fall within the school year",
    ),
    ["closures"],
  ),
);

/** School days each level of the concern ladder has to answer, one setting per level with a deadline. */
export const Deadlines = v.object(
  Object.fromEntries(deadlineSettings.map((d) => [d.setting, schoolDays(say("en", d.message))])) as Record<DeadlineSetting, ReturnType<typeof schoolDays>>,
);

/** Districts saved before time zones existed have none; deadlines then fall in this zone. */
export const defaultTimeZone = "America/Los_Angeles";

/** Zones found valid, so a stored district's zone is not checked by building a formatter on every read (the IANA list bounds it). */
const validZones = new Set<string>();
/**
 * The zones ICU lists by their canonical names. A zone among them is valid without a formatter: a
 * process's first `Intl.DateTimeFormat` loads ICU's date data, about 10 ms of a cold start's first
 * `/api/me`, the list about 1 ms (docs/benchmarks.md). Other names a formatter accepts (aliases such
 * as "US/Central", other letter case) are checked by building one.
 */
let listedZones: Set<string> | undefined;
const isTimeZone = (zone: string) => {
  if (validZones.has(zone)) return true;
  if ((listedZones ??= new Set(Intl.supportedValuesOf?.("timeZone") ?? [])).has(zone)) {
    validZones.add(zone);
    return true;
  }
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    validZones.add(zone);
    return true;
  } catch {
    return false;
  }
};

/** An IANA zone such as "America/Chicago": deadlines end with the school day there. */
export const TimeZone = v.pipe(v.string(), v.trim(), codedCheck(isTimeZone, "invalid_time_zone", "A time zone such as America/Chicago"));

export const DistrictSettings = v.object({
  calendar: Calendar,
  timeZone: v.optional(TimeZone),
  deadlines: Deadlines,
  fidelityGraceDays: whole(0, 10, "0 to 10 school days"),
  /** Who takes a concern at the advocate level when the parent named nobody (an advocacy organization's address). */
  defaultAdvocateEmail: v.optional(Email),
  /** The district's own period for a legal clock, where its state's rule differs from the federal one (rights/clocks.ts). */
  rightsClocks: v.optional(ClockOverrides),
  /**
   * The procedural-safeguards statement a prior written notice carries when staff write none (where
   * families get help, in this state); "" returns to Fidelio's federal statement.
   */
  noticeSafeguards: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(4000, "At most 4000 characters"))),
  /** School days a case manager has to answer a teacher's help request (help/); 3 when unset. */
  helpRequestDueSchoolDays: v.optional(schoolDays("Help requests")),
});
export type DistrictSettings = v.InferOutput<typeof DistrictSettings>;

export const DistrictUpdate = v.object({ ...DistrictSettings.entries, version: v.pipe(v.number(), v.integer()) });

export interface DistrictInfo extends DistrictSettings {
  id: string;
  name: string;
  version: number;
  updatedAt: string;
}

export const defaultDeadlines = Object.fromEntries(deadlineSettings.map((d) => [d.setting, d.defaultDays])) as Record<DeadlineSetting, number>;
