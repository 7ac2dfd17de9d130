import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { mountFidelio, type FidelioProps } from "./index";

export interface SynthOptions extends Partial<FidelioProps> {
  /**
   * Run esbuild for every function (slow). Off by default: the tests and the local runner need
   * the template, not the bundles, which test/infra/api-bundle.test.ts builds on its own.
   */
  bundle?: boolean;
}

/**
 * Synthesizes Fidelio offline through the same mountFidelio that sst.config.ts calls (`sst build`
 * needs AWS). The infra tests read the template; the local runner takes the state machine's ASL
 * from it.
 */
export function synth(options: SynthOptions = {}) {
  // An empty bundling-stacks list tells NodejsFunction to skip esbuild and use a placeholder asset.
  const app = new App(options.bundle ? {} : { context: { "aws:cdk:bundling-stacks": [] } });
  const stack = new Stack(app, "Fidelio");
  const resources = mountFidelio(stack, { stage: options.stage ?? "dev" });
  return { template: Template.fromStack(stack), stack, resources };
}
