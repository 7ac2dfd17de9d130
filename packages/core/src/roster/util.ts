/**
 * JSON with object keys sorted and undefined dropped: DynamoDB does not keep a map's key order.
 * `skip` leaves out keys (a fingerprint leaves out the moment a plan was made). Bytes are hashed, not spelled.
 */
export function canonical(value: unknown, skip?: (key: string) => boolean): string {
  if (value instanceof Uint8Array) return `"bytes:${Buffer.from(value).toString("base64")}"`;
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item, skip)).join(",")}]`;
  if (value instanceof Set) return canonical([...value], skip);
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !skip?.(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, skip)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** True when a stored item already holds exactly what the import would write. */
export const sameItem = (a: unknown, b: unknown) => canonical(a) === canonical(b);
