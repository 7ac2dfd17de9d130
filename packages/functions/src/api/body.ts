import type { Context } from "hono";
import { VisibleError } from "@fidelio/core/error";

/** The JSON body, or a clear 400; shape validation is the core verb's job. */
export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new VisibleError(400, "invalid_json", "The request body must be JSON.");
  }
}
