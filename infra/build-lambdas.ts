import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { synth } from "./synth";

/** A function's folder name under dist/lambdas: its description without "Fidelio ", in kebab case. */
const folderOf = (description: string) =>
  description
    .replace(/^Fidelio /, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The bytes of every `.mjs` file under `dir`: a split bundle's entry and chunks together. */
const moduleBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, file) => sum + (file.isDirectory() ? moduleBytes(join(dir, file.name)) : file.name.endsWith(".mjs") ? statSync(join(dir, file.name)).size : 0),
    0,
  );

/**
 * Every Fidelio Lambda bundled exactly as a deploy bundles it: the whole app is synthesized through
 * mountFidelio with bundling on, so esbuild runs for each function from its esbuild definition
 * (NodejsFunction's run, or chunkedFunction's for the API), and each function's asset (index.mjs and
 * its source map; the API's chunks/ beside them) is copied to `<outDir>/<function>/`: the directory
 * the deploy zips. The outbox sender and sweep share one bundle (two handlers), and each gets its
 * folder. Returns them by description, with the entry's bytes and every module's.
 */
export function buildLambdas(outDir: string): Map<string, { dir: string; handler: string; bytes: number; allBytes: number }> {
  const assembly = mkdtempSync(join(tmpdir(), "fidelio-lambdas-"));
  try {
    const { template } = synth({ bundle: true, outdir: assembly });
    rmSync(outDir, { recursive: true, force: true });
    const built = new Map<string, { dir: string; handler: string; bytes: number; allBytes: number }>();
    for (const resource of Object.values(template.findResources("AWS::Lambda::Function"))) {
      const {
        Description: description,
        Code: code,
        Handler: handler,
      } = resource.Properties as { Description?: unknown; Code: { S3Key?: string }; Handler: string };
      // CDK's own helpers (the site upload, the bucket emptier) are not Fidelio's to build.
      if (typeof description !== "string" || !description.startsWith("Fidelio ") || !code.S3Key) continue;
      const asset = join(assembly, `asset.${code.S3Key.replace(/\.zip$/, "")}`);
      const dir = join(outDir, folderOf(description));
      mkdirSync(dir, { recursive: true });
      for (const file of readdirSync(asset)) cpSync(join(asset, file), join(dir, file), { recursive: true });
      built.set(description, { dir, handler, bytes: statSync(join(dir, "index.mjs")).size, allBytes: moduleBytes(dir) });
    }
    return built;
  } finally {
    rmSync(assembly, { recursive: true, force: true });
  }
}

// `npm run build:lambdas` (part of `npm run build`): into dist/lambdas, with each bundle's size.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outDir = resolve(import.meta.dirname, "../dist/lambdas");
  const built = buildLambdas(outDir);
  console.log(`Lambda bundles, as a deploy bundles them (minified index.mjs; its source map beside it; chunks/ for a split one), in ${outDir}:`);
  for (const [description, { dir, handler, bytes, allBytes }] of [...built].sort(([a], [b]) => a.localeCompare(b))) {
    const chunks = allBytes > bytes ? `, ${(allBytes / 1024).toFixed(1)} KB with its chunks` : "";
    console.log(
      `  ${description.padEnd(44)} ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${dir.slice(outDir.length + 1)}/index.mjs, handler ${handler}${chunks}`,
    );
  }
}
