/**
 * Runs the date-sensitive test files at pinned instants (`npm run test:instants`): each instant is
 * one vitest run with FIDELIO_NOW set, which every file's clock then follows (test/support/clock.ts).
 * `npm run test:instants -- sunday-night` runs one instant; `-- --files test/x.test.ts` other files.
 */
import { spawnSync } from "node:child_process";

export const instants = {
  // Sunday 19:53 in Los Angeles, already Monday in UTC: the district's week is still last week.
  "sunday-night": "2026-12-07T03:53:00Z",
  // Monday 08:00 after the Thanksgiving break (Nov 25-27): last week had two school days.
  "after-closure": "2026-11-30T16:00:00Z",
  // Monday 00:30 PDT, the first midnight after clocks sprang forward (Mar 14): a fixed -8 h offset would say Sunday.
  "dst-change": "2027-03-15T07:30:00Z",
  // Friday 15:00 on the last day of the school year (Jun 4, 2027), Memorial Day in the same week.
  "last-week": "2027-06-04T22:00:00Z",
} as const;

export const dateSensitiveFiles = [
  "test/fidelity/forms.test.ts",
  "test/fidelity/reminders.test.ts",
  "test/fidelity/report.test.ts",
  "test/api/students.test.ts",
  "test/api/authorization-matrix.test.ts",
  "test/concerns/ladder.test.ts",
  "test/browser/fidelity.test.ts",
  "test/browser/district-week.test.ts",
];

const args = process.argv.slice(2);
const filesAt = args.indexOf("--files");
const files = filesAt >= 0 ? args.slice(filesAt + 1) : dateSensitiveFiles;
const names = (filesAt >= 0 ? args.slice(0, filesAt) : args) as Array<keyof typeof instants>;
const chosen = names.length ? names : (Object.keys(instants) as Array<keyof typeof instants>);
const unknown = chosen.filter((name) => !(name in instants));
if (unknown.length) {
  console.error(`Unknown instant ${unknown.join(", ")}; known: ${Object.keys(instants).join(", ")}`);
  process.exit(2);
}

const failed: string[] = [];
for (const name of chosen) {
  console.log(`\n=== ${name}: FIDELIO_NOW=${instants[name]} ===`);
  const run = spawnSync("npx", ["vitest", "run", ...files], { stdio: "inherit", env: { ...process.env, FIDELIO_NOW: instants[name] } });
  if (run.status !== 0) failed.push(name);
}
console.log(failed.length ? `\nFailed at: ${failed.join(", ")}` : `\nPassed at every instant: ${chosen.join(", ")}`);
process.exit(failed.length ? 1 : 0);
