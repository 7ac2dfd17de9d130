import { defineConfig } from "vitest/config";

/**
 * Unit tests: pure rules (calendar, week maths, the clock, CSV), no emulator, no global setup. They
 * run in seconds with `npm run test:unit`, and first in `npm test`.
 */
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    testTimeout: 5_000,
  },
});
