import { vValidator } from "@hono/valibot-validator";
import type { ValidationTargets } from "hono";
import * as v from "valibot";

/**
 * Validates a request part with a core schema before the route runs, and types it for `hc<Api>`.
 * Failures become the same ValiError the core verbs throw, so one onError shapes every 400.
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends v.GenericSchema>(target: Target, schema: Schema) =>
  vValidator(target, schema, (result) => {
    if (!result.success) throw new v.ValiError(result.issues);
  });
