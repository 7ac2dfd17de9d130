import { resolve } from "node:path";
import type { BuildOptions } from "esbuild";
import { apiBundleOptions } from "../api/bundle-options";

export const workflowSteps = ["prepare-level", "wait-for-answer", "apply-outcome", "record-failure"] as const;

/** One escalation step's Lambda (the state machine's tasks), bundled like the API. */
export const workflowStepBundleOptions = (step: (typeof workflowSteps)[number]): BuildOptions => ({
  ...apiBundleOptions,
  entryPoints: [resolve(import.meta.dirname, `${step}.ts`)],
});
