import { defineConfig } from "vitest/config";

/**
 * Files that run with no other file beside them, after the rest:
 * - `npm start` as a real process rebuilds web/dist, which the other files' servers and browsers read;
 * - timing measurements: a file beside them only widens their intervals and costs them attempts.
 */
export const aloneFiles = [
  "test/local/start.test.ts",
  "test/local/restart-durability.test.ts",
  "test/roster/crash.test.ts",
  "test/api/auth-enumeration.test.ts",
  "test/api/not-found-timing.test.ts",
];

export default defineConfig({
  test: {
    // Pure rules run without emulators: vitest.unit.config.ts (npm run test:unit).
    exclude: ["test/unit/**", "**/node_modules/**"],
    // One DynamoDB Local per project; each file its own table and mailbox (test/support/table-per-file.ts).
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/table-per-file.ts"],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    projects: [
      {
        extends: true,
        // Two files at a time: much of a file's time is spent waiting (on DynamoDB Local, the browser,
        // the outbox poller, the workflow's timers), which the other file's work fills.
        test: { name: "side-by-side", include: ["test/**/*.test.ts"], exclude: [...aloneFiles, "test/unit/**", "**/node_modules/**"], maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "alone", include: aloneFiles, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
