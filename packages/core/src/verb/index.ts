import * as v from "valibot";
import type { UserActor } from "../actor";

/**
 * A core verb: validates its input with `schema` before running, and exposes the schema so routes
 * and web forms reuse the same rules.
 */
export function verb<S extends v.GenericSchema, R>(schema: S, run: (actor: UserActor, input: v.InferOutput<S>) => Promise<R>) {
  const fn = (actor: UserActor, input: v.InferInput<S>) => run(actor, v.parse(schema, input));
  return Object.assign(fn, { schema });
}
