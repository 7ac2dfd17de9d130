/** An error whose status and message are safe to show to the caller. */
export class VisibleError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "VisibleError";
  }
}

/** "Not found" is also the answer for records that exist but are not the caller's (FERPA: no existence leak). */
export const notFound = (what = "Record") => new VisibleError(404, "not_found", `${what} not found`);
export const forbidden = () => new VisibleError(403, "forbidden", "Your role does not allow this action");
export const conflict = (message = "This record was changed by someone else; reload and try again") => new VisibleError(409, "conflict", message);

/** True when DynamoDB rejected a write because its condition failed (stale version, duplicate). */
export const isConditionFailure = (error: unknown) =>
  error instanceof Error &&
  (error.name === "ConditionalCheckFailedException" || (error.name === "TransactionCanceledException" && error.message.includes("ConditionalCheckFailed")));
