import { localDate } from "../calendar/zoned";
import { defaultTimeZone } from "../district/schema";

/**
 * The one "now" of business time: when something happened (audit, timeline, form and job stamps),
 * which week and school day it is, when a session or a deadline runs out. Latency measurements and
 * timers use the machine's clock instead.
 *
 * On AWS this is the machine's clock. Locally and in tests it can be pinned to an instant:
 *   FIDELIO_NOW=2026-12-07T03:53:00Z npm start      (or a whole vitest run)
 * The pinned clock advances in real time from that instant, so waits, leases and backoffs behave as
 * usual; `clock.set(instant, { frozen: true })` stops it instead (pure rules' tests).
 *
 * The state lives in the process environment, so the roster's worker threads (which share it) and
 * child processes read the same timeline: FIDELIO_NOW is the instant, FIDELIO_NOW_SINCE the
 * machine's epoch milliseconds at which that instant was "now" (set on first read when absent), or
 * "frozen". Lambda functions ignore both: production always runs on the real clock.
 */
const env = (): Record<string, string | undefined> => (typeof process === "undefined" ? {} : process.env);
const onLambda = () => env().AWS_LAMBDA_FUNCTION_NAME !== undefined;

/** An ISO instant with its zone (Z or ±hh:mm), or epoch milliseconds: a date alone has no instant. */
export function parseInstant(value: string | number | Date): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`FIDELIO_NOW must be an ISO instant with its zone, e.g. 2026-12-07T03:53:00Z; got "${value}"`);
  return ms;
}

function current(): number {
  const real = Date.now();
  const vars = env();
  const pinned = vars.FIDELIO_NOW;
  if (!pinned || onLambda()) return real;
  const instant = parseInstant(pinned);
  if (vars.FIDELIO_NOW_SINCE === "frozen") return instant;
  if (vars.FIDELIO_NOW_SINCE === undefined) vars.FIDELIO_NOW_SINCE = String(real);
  const since = Number(vars.FIDELIO_NOW_SINCE);
  if (!Number.isFinite(since)) throw new RangeError(`FIDELIO_NOW_SINCE must be epoch milliseconds or "frozen"; got "${vars.FIDELIO_NOW_SINCE}"`);
  return instant + (real - since);
}

export const clock = {
  /** Now, as a Date. */
  now: () => new Date(current()),
  /** Now, in epoch milliseconds. */
  ms: () => current(),
  /** Now, as an ISO string (what items store). */
  iso: () => new Date(current()).toISOString(),
  /** Pins the clock (this process, its worker threads and the children it starts afterwards). */
  set(instant: string | number | Date, options: { frozen?: boolean } = {}) {
    const ms = parseInstant(instant);
    const vars = env();
    vars.FIDELIO_NOW = new Date(ms).toISOString();
    vars.FIDELIO_NOW_SINCE = options.frozen ? "frozen" : String(Date.now());
  },
  /** Back to the machine's clock. */
  reset() {
    const vars = env();
    delete vars.FIDELIO_NOW;
    delete vars.FIDELIO_NOW_SINCE;
  },
  /** Whether business time is pinned (not the machine's clock). */
  pinned: () => Boolean(env().FIDELIO_NOW) && !onLambda(),
  /** One line for a start-up banner: which clock this process runs on. */
  describe() {
    if (!clock.pinned()) return "the machine's clock";
    return `pinned: ${clock.iso()} now (from FIDELIO_NOW=${env().FIDELIO_NOW}${env().FIDELIO_NOW_SINCE === "frozen" ? ", frozen" : ", advancing"})`;
  },
};

/** Today (YYYY-MM-DD) on the district's wall clock: the one definition of "today" for every rule. */
export const districtToday = (district: { timeZone?: string }, at: Date = clock.now()) => localDate(at, district.timeZone ?? defaultTimeZone);
