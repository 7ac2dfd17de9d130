/**
 * Work to do when the current test file ends (table-per-file.ts runs it in its `afterAll`). For helpers
 * that start something on first use: a worker runs many files one after another (vitest.config.ts), so
 * a helper module stays loaded between files and cannot register a file's `afterAll` itself.
 */
const pending: Array<() => Promise<void> | void> = [];

export const atFileEnd = (work: () => Promise<void> | void) => void pending.push(work);

export async function runFileEnd() {
  for (const work of pending.splice(0).reverse()) await work();
}
