import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files with a process of their own, in the same two lanes as the shared ones (they start first):
 * - the outbox tests point core's SES client (built once per process) at a mailbox of their own;
 * - the `npm start` tests run the stack as real processes: the restarts serve the build `npm test` made
 *   (SKIP_WEB_BUILD), and the start test builds the web app into a directory of its own (WEB_DIST).
 */
const ownProcessFiles = [
  "test/api/outbox.test.ts",
  "test/api/outbox-outage.test.ts",
  "test/local/start.test.ts",
  "test/local/restart-durability.test.ts",
  "test/roster/crash.test.ts",
];

/** Timing measurements run last, with no other file beside them: it would only widen their intervals and cost them attempts. */
const aloneFiles = ["test/api/auth-enumeration.test.ts", "test/api/not-found-timing.test.ts"];

const notHere = ["test/unit/**", "**/node_modules/**"];

/** Each emulator test file's measured time in seconds, from a whole run (`npx tsx test/file-seconds.ts`). */
const fileSecondsPath = resolve(import.meta.dirname, "test/file-seconds.json");

/** A file not measured yet: early enough that a long new file does not end the run alone. */
const unmeasuredSeconds = 30;

/**
 * Runs the longest files first, so the two workers finish together instead of one waiting on a long file
 * that started last. The times come from the committed table, so a fresh clone (no vitest cache) gets the
 * same order; a file missing from it uses vitest's cached time for it, or `unmeasuredSeconds`.
 * Groups (`sequence.groupOrder`) still run in turn; within one, files with a process of their own go
 * first, as a worker shared by files is kept only while the next file in the queue is a shared one.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const table = JSON.parse(readFileSync(fileSecondsPath, "utf8")) as Record<string, number>;
    const seconds = (spec: TestSpecification) => {
      const measured = table[relative(spec.project.config.root, spec.moduleId)];
      if (measured !== undefined) return measured;
      const cached = this.ctx.cache.getTestSpecificationResult(spec)?.duration;
      return cached !== undefined ? cached / 1000 : unmeasuredSeconds;
    };
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        Number(b.project.config.isolate) - Number(a.project.config.isolate) ||
        seconds(b) - seconds(a) ||
        a.moduleId.localeCompare(b.moduleId),
    );
  }
}

export default defineConfig({
  test: {
    // Pure rules run without emulators: vitest.unit.config.ts (npm run test:unit).
    exclude: notHere,
    // One DynamoDB Local and one mailbox per project; each file its own table and sender (test/support/table-per-file.ts).
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/table-per-file.ts"],
    testTimeout: 30_000,
    // A poll waits for something to happen (a page updating after a request); vitest's default of 1 s is
    // less than a busy machine can take. Still a failure when it never happens.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 90_000,
    // Longest files first (test/file-seconds.json), so the two lanes end together.
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...ownProcessFiles, ...aloneFiles, ...notHere],
          // Two files at a time: much of a file's time is waiting (on DynamoDB Local, the browser, the
          // outbox poller, the workflow's timers), which the other file's work fills.
          maxWorkers: 2,
          // A worker runs file after file with the modules they import loaded once: importing core, the
          // AWS SDK, Hono and CDK for every file cost more CPU than most files' tests. Each file still gets
          // its own table, sender, clock and environment (table-per-file.ts), and helpers that keep state
          // key it by table or end it with the file (test/support/file-end.ts).
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // The same two lanes as the shared files: a long restart runs beside them instead of after them all.
        test: { name: "own-process", include: ownProcessFiles, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "alone", include: aloneFiles, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
