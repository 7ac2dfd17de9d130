import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The layer rules `npm run lint` checks, run with the repository's own dependency-cruiser configs over a
 * small tree laid out like the repository (packages/core, functions, local, web/src) in a temporary
 * directory. Each planted break must fail the check naming its rule; the allowed imports beside them
 * (core's storage module using the DynamoDB client, the web naming a storage type) must not.
 */
const root = resolve(import.meta.dirname, "../..");
const depcruise = join(root, "node_modules/dependency-cruiser/bin/dependency-cruiser.mjs");

const planted: Record<string, string> = {
  "packages/functions/src/handler.ts": "export const handler = () => 1;\n",
  "packages/local/src/runner.ts": "export const runner = () => 1;\n",
  "packages/core/src/dynamo/client.ts": 'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";\nexport const client = new DynamoDBClient({});\n',
  "packages/core/src/store.ts": 'import { client } from "./dynamo/client";\nexport const read = () => client;\n',
  "packages/core/src/digest.ts":
    'import { createHash } from "node:crypto";\nexport const digest = (s: string) => createHash("sha256").update(s).digest("hex");\n',
  "packages/core/src/words.ts": "export const shout = (s: string) => s.toUpperCase();\n",
  // The breaks.
  "packages/core/src/uses-functions.ts": 'import { handler } from "../../functions/src/handler";\nexport const x = handler;\n',
  "packages/core/src/uses-web.ts": 'import type { Page } from "../../../web/src/page-types";\nexport type P = Page;\n',
  "packages/functions/src/uses-local.ts": 'import { runner } from "../../local/src/runner";\nexport const y = runner;\n',
  "packages/local/src/uses-dynamodb.ts": 'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";\nexport const c = new DynamoDBClient({});\n',
  "web/src/uses-store.ts": 'import { read } from "../../packages/core/src/store";\nexport const z = read;\n',
  "web/src/uses-digest.ts": 'import { digest } from "../../packages/core/src/digest";\nexport const w = digest;\n',
  "web/src/runs-handler.ts": 'import { handler } from "../../packages/functions/src/handler";\nexport const h = handler;\n',
  // Allowed.
  "web/src/page-types.ts": "export interface Page { title: string }\n",
  "web/src/names-store-type.ts":
    'import type { read } from "../../packages/core/src/store";\nimport type { handler } from "../../packages/functions/src/handler";\nexport type R = [typeof read, typeof handler];\n',
  "web/src/uses-words.ts": 'import { shout } from "../../packages/core/src/words";\nexport const s = shout("ok");\n',
};

let tree = "";

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), "fidelio-layers-"));
  // The planted files resolve npm packages (@aws-sdk/client-dynamodb) from the repository's node_modules.
  symlinkSync(join(root, "node_modules"), join(tree, "node_modules"), "dir");
  for (const [path, text] of Object.entries(planted)) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
});

afterAll(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
});

/** Runs dependency-cruiser as `npm run lint:layers` does; returns its exit code and each `rule: from` it reports. */
function cruise(config: string, ...paths: string[]) {
  return new Promise<{ code: number; violations: string[]; output: string }>((done) => {
    execFile(process.execPath, [depcruise, ...paths, "--config", join(root, config)], { cwd: tree }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      const violations = [...output.matchAll(/^\s*error ([\w-]+): (\S+) →/gm)].map((m) => `${m[1]}: ${m[2]}`);
      done({ code: typeof error?.code === "number" ? error.code : 0, violations: [...new Set(violations)].sort(), output });
    });
  });
}

describe("the layer rules", () => {
  it("fail on each planted break, naming its rule and file, and pass the allowed imports beside them", { timeout: 120_000 }, async () => {
    const [layers, web] = await Promise.all([cruise(".dependency-cruiser.cjs", "packages", "web"), cruise(".dependency-cruiser.web.cjs", "web/src")]);
    expect(layers.violations, layers.output).toEqual([
      "core-imports-no-outer-layer: packages/core/src/uses-functions.ts",
      "core-imports-no-outer-layer: packages/core/src/uses-web.ts",
      "dynamodb-client-only-in-core-dynamo: packages/local/src/uses-dynamodb.ts",
      "functions-imports-no-local: packages/functions/src/uses-local.ts",
    ]);
    expect(layers.code).not.toBe(0);
    expect(web.violations, web.output).toEqual([
      "web-imports-only-types-from-functions: web/src/runs-handler.ts",
      "web-reaches-no-aws-sdk: web/src/uses-store.ts",
      "web-reaches-no-node-builtins: web/src/uses-digest.ts",
    ]);
    expect(web.code).not.toBe(0);
  });
});
