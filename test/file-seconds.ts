/**
 * Refreshes test/file-seconds.json, the per-file times the emulator run orders its files by
 * (LongestFirst in vitest.config.ts), from a whole run's JSON report:
 *   npx vitest run --reporter=default --reporter=json --outputFile.json=/tmp/run.json
 *   npx tsx test/file-seconds.ts /tmp/run.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";

const report = process.argv[2];
if (!report) {
  console.error("usage: npx tsx test/file-seconds.ts <vitest JSON report>");
  process.exit(2);
}
const root = resolve(import.meta.dirname, "..");
const fileSecondsPath = resolve(import.meta.dirname, "file-seconds.json");
// The report may come from another checkout: the path from its test/ folder on.
const inRepo = (path: string) => /(?:^|\/)(test\/.+)$/.exec(path)?.[1] ?? relative(root, path);
const { testResults } = JSON.parse(readFileSync(report, "utf8")) as { testResults: Array<{ name: string; startTime: number; endTime: number }> };
const seconds = testResults
  .map((file) => [inRepo(file.name), Math.round((file.endTime - file.startTime) / 100) / 10] as const)
  .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
writeFileSync(fileSecondsPath, `${JSON.stringify(Object.fromEntries(seconds), null, 2)}\n`);
console.log(`${seconds.length} files, ${seconds.reduce((sum, [, s]) => sum + s, 0).toFixed(0)} s in all, written to ${relative(root, fileSecondsPath)}`);
