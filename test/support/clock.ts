import { inject } from "vitest";
import { clock } from "@fidelio/core/clock";

/**
 * Business time for a date-dependent test file. The run's FIDELIO_NOW wins when given (the
 * pinned-instant runs, `npm run test:instants`); otherwise the file's own `instant`. Either way the
 * clock advances in real time from there, and the in-process server, the roster's worker thread,
 * an `npm start` child and the browsers the file launches all read the same time.
 */
export function pinClock(instant: string) {
  clock.set(inject("runClock") || instant);
  return clock.now();
}

/** At the start of each file: the run's instant, or the machine's clock; nothing left from an earlier file. */
export function resetClockForFile() {
  const run = inject("runClock");
  if (run) clock.set(run);
  else clock.reset();
}

/** A Wednesday mid-morning in the demo district's school year, no closure near: the default for date-dependent files. */
export const ordinarySchoolDay = "2026-12-09T18:00:00Z";
