import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import { afterAll, describe, expect, it } from "vitest";

/** `npm start` builds the web app as this does (packages/local/src/build-web.ts); its output is what a new user reads. */
const outDir = mkdtempSync(join(tmpdir(), "fidelio-web-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("the web build's output", () => {
  it("has no stray [PLUGIN_TIMINGS] report", async () => {
    let printed = "";
    const capture = (stream: NodeJS.WriteStream) => {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        printed += String(chunk);
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write;
      return () => (stream.write = write);
    };
    const restore = [capture(process.stdout), capture(process.stderr)];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => ((printed += args.join(" ")), warn(...args));
    try {
      await build({ configFile: resolve(import.meta.dirname, "../../web/vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
    } finally {
      for (const undo of restore) undo();
      console.warn = warn;
    }
    expect(existsSync(join(outDir, "index.html"))).toBe(true);
    expect(printed).not.toContain("PLUGIN_TIMINGS");
  }, 120_000);
});
