import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * DynamoDB condition and update expressions live only in `packages/core/src/dynamo` (docs/storage.md):
 * a domain module calls a named write. This reads every TypeScript file elsewhere in the packages and
 * fails naming the file and line of any string literal that is an expression.
 */
const root = resolve(import.meta.dirname, "../..");
const storage = join(root, "packages/core/src/dynamo");

/** A string literal ("…", '…' or `…`) that holds an expression keyword or a version guard. */
const expression = /(["'`])[^"'`\n]*(\battribute_(not_)?exists\(|\bSET #|\bADD #|\bREMOVE #|#v = :v|\bbegins_with\()[^"'`\n]*\1/;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : tsFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function expressionsIn(source: string): number[] {
  return source.split("\n").flatMap((line, i) => (!/^\s*(\*|\/\/)/.test(line) && expression.test(line) ? [i + 1] : []));
}

describe("storage expressions", () => {
  it("are found in a line that writes one, and not in comments or plain words", () => {
    expect(expressionsIn('  condition: "attribute_not_exists(pk)",')).toEqual([1]);
    expect(expressionsIn("x\n  update(key, `SET #w = :w, #v = :next REMOVE #t`)")).toEqual([2]);
    expect(expressionsIn(" * the counter uses ADD without a condition (attribute_not_exists)")).toEqual([]);
    expect(expressionsIn('const label = "SET the table";')).toEqual([]);
  });

  it("appear only in packages/core/src/dynamo", () => {
    const found = ["packages", "web/src"]
      .flatMap((dir) => tsFiles(join(root, dir)))
      .filter((file) => !file.startsWith(storage))
      .flatMap((file) => expressionsIn(readFileSync(file, "utf8")).map((line) => `${relative(root, file)}:${line}`));
    expect(found).toEqual([]);
  });
});
