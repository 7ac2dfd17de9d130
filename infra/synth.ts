import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App, Aspects, Stack, type IAspect } from "aws-cdk-lib";
import { Annotations, Template } from "aws-cdk-lib/assertions";
import { mountFidelio, type FidelioProps } from "./index";

export interface SynthOptions extends Partial<FidelioProps> {
  /**
   * Run esbuild for every function (a few seconds). Off by default: the tests and the local
   * runner need the template, not the bundles.
   */
  bundle?: boolean;
  /** Keep the cloud assembly (bundles included) here; otherwise it goes to a temporary directory removed before returning. */
  outdir?: string;
  /** Checks to run over the whole app before it is synthesized (the tests add cdk-nag's AwsSolutions pack). */
  aspects?: IAspect[];
  /** Sees what mountFidelio declared, before synthesis (the cdk-nag test's suppressions name those resources). */
  onMount?: (resources: ReturnType<typeof mountFidelio>) => void;
}

const builtSite = resolve(import.meta.dirname, "../web/dist");

/** The built web app, or, when it was not built (`npx vitest run test/infra` alone), a one-page stand-in: the template is the same. */
function siteDirIn(outdir: string) {
  if (existsSync(join(builtSite, "index.html"))) return builtSite;
  const dir = join(outdir, "site-stand-in");
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Fidelio</title>");
  return dir;
}

/**
 * Synthesizes Fidelio offline through the same mountFidelio that sst.config.ts calls (`sst build`
 * needs AWS). The infra tests read the template; the local runner takes the state machine's ASL
 * from it.
 */
export function synth(options: SynthOptions = {}) {
  const outdir = options.outdir ?? mkdtempSync(join(tmpdir(), "fidelio-synth-"));
  try {
    // An empty bundling-stacks list tells NodejsFunction to skip esbuild and use a placeholder asset.
    const app = new App({ outdir, context: options.bundle ? {} : { "aws:cdk:bundling-stacks": [] } });
    const stack = new Stack(app, "Fidelio");
    const { bundle: _bundle, outdir: _outdir, aspects = [], onMount, ...given } = options;
    const resources = mountFidelio(stack, {
      ...given,
      stage: options.stage ?? "dev",
      emailDomain: options.emailDomain ?? "fidelio.example.org",
      siteDir: options.siteDir ?? siteDirIn(outdir),
    });
    onMount?.(resources);
    for (const aspect of aspects) Aspects.of(stack).add(aspect);
    // Both read the one synthesis, made while the output directory still exists.
    return { template: Template.fromStack(stack), annotations: Annotations.fromStack(stack), stack, resources };
  } finally {
    if (!options.outdir) rmSync(outdir, { recursive: true, force: true });
  }
}
