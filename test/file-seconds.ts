/**
 * Refreshes test/file-seconds.json, the per-file times the emulator run orders its files by
 * (LongestFirst in vitest.config.ts), from a whole run: either its JSON report
 *   npx vitest run --reporter=default --reporter=json --outputFile.json=/tmp/run.json
 *   npx tsx test/file-seconds.ts /tmp/run.json
 * or the results vitest caches after every run, `npm test`'s included (a CI clone keeps them too):
 *   npx tsx test/file-seconds.ts node_modules/.vite/vitest/<hash>/results.json
 * Only the emulator projects' files are kept (the unit tests run in a config of their own).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";

const report = process.argv[2];
if (!report) {
  console.error("usage: npx tsx test/file-seconds.ts <vitest JSON report | vitest results.json cache>");
  process.exit(2);
}
const root = resolve(import.meta.dirname, "..");
const fileSecondsPath = resolve(import.meta.dirname, "file-seconds.json");
// The report may come from another checkout: the path from its test/ folder on.
const inRepo = (path: string) => /(?:^|\/)(test\/.+)$/.exec(path)?.[1] ?? relative(root, path);
const emulatorProjects = ["shared", "own-process", "alone"];

type Report = { testResults: Array<{ name: string; startTime: number; endTime: number }> };
type ResultsCache = { projects: Record<string, { files: Record<string, { duration: number }> }> };

const parsed = JSON.parse(readFileSync(report, "utf8")) as Report | ResultsCache;
const measured: Array<[string, number]> =
  "testResults" in parsed
    ? parsed.testResults.map((file) => [inRepo(file.name), (file.endTime - file.startTime) / 1000])
    : emulatorProjects.flatMap((project) =>
        Object.entries(parsed.projects[project]?.files ?? {}).map(([name, file]): [string, number] => [inRepo(name), file.duration / 1000]),
      );
const seconds = measured.map(([name, s]) => [name, Math.round(s * 10) / 10] as const).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
writeFileSync(fileSecondsPath, `${JSON.stringify(Object.fromEntries(seconds), null, 2)}\n`);
console.log(`${seconds.length} files, ${seconds.reduce((sum, [, s]) => sum + s, 0).toFixed(0)} s in all, written to ${relative(root, fileSecondsPath)}`);
