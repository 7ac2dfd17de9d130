import * as v from "valibot";
import type { Item } from "./client";

/**
 * A kind of stored item: its name (for errors) and the valibot schema every item of it must match.
 * Schemas are `v.object`s, which keep only the entries they declare: storage attributes (pk, sk,
 * gsi1pk, gsi1sk, type, ttl) are dropped unless a type declares them.
 */
export interface ItemType<T> {
  readonly name: string;
  readonly schema: v.GenericSchema<unknown, T>;
}

export const itemType = <T>(name: string, schema: v.GenericSchema<unknown, T>): ItemType<T> => ({ name, schema });

/** A stored item that does not match its type's schema: data written by hand, or by older code. */
export class MalformedItemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedItemError";
  }
}

/**
 * The one way a stored item becomes a domain value: parsed, never cast. The error names the item
 * type, its key and what did not match, but no stored value (items hold personal data; errors reach logs).
 */
export function fromItem<T>(type: ItemType<T>, item: Item): T {
  const result = v.safeParse(type.schema, item);
  if (result.success) return result.output;
  const where = result.issues
    .slice(0, 3)
    .map((issue) => `${v.getDotPath(issue) ?? "(item)"}: ${issue.received === "undefined" ? "missing" : `expected ${issue.expected ?? issue.type}`}`)
    .join("; ");
  throw new MalformedItemError(`Stored ${type.name} item ${String(item.pk)} / ${String(item.sk)} is malformed: ${where}`);
}
