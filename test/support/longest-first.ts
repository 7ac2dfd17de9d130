import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Each emulator test file's measured time in seconds, from a whole run (`npx tsx test/file-seconds.ts`). */
export const fileSecondsPath = resolve(import.meta.dirname, "../file-seconds.json");

/** A file not measured yet: early enough that a long new file does not end the run alone. */
const unmeasuredSeconds = 30;

/**
 * Runs the longest files first, so the two workers finish together instead of one waiting on a long file
 * that started last. The times come from the committed table, so a fresh clone (no vitest cache) gets the
 * same order; a file missing from it uses vitest's cached time for it, or `unmeasuredSeconds`.
 * Groups (`sequence.groupOrder`) still run in turn; within one, files with a process of their own go
 * first, as a worker shared by files is kept only while the next file in the queue is a shared one.
 */
export class LongestFirst extends BaseSequencer {
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
