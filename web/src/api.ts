import type { ClientResponse, parseResponse } from "hono/client";
import type { Api } from "@fidelio/functions/api/app";
import type { Problem } from "@fidelio/core/problem";
import { readAnswer, typedClient } from "./typed-client";

export type { Problem };

/** The typed API client (Hono's `hc<Api>` types). Same origin, so the HttpOnly session cookie rides along. */
export const api = typedClient<Api>(location.origin).api;

/** What to show under each field, by its path, already in the reader's language. */
export interface FieldErrors {
  [path: string]: string[];
}

export interface RowError {
  file: string;
  line: number;
  field: string;
  message: string;
  /** Roster problems carry a stable code and its parameters; the page translates them (tRosterProblem). */
  code?: string;
  params?: Record<string, string | number>;
}

/** A failed call: the HTTP status (0 when the network failed) and the JSON error body the API sends. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field problems of a 400, by code (see tProblem). */
    readonly problems: Problem[] = [],
    readonly rows: RowError[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface ErrorBody {
  error?: string;
  message?: string;
  problems?: Problem[];
  errors?: RowError[];
}

/** The body of a successful response to a client call. */
export type Body<T extends ClientResponse<unknown>> = Awaited<ReturnType<typeof parseResponse<T>>>;

/**
 * The words of the API's error codes and field problems (web/src/strings/codes), in the reader's
 * language: loaded with the first answer that is an error, so a page that never fails never downloads
 * them. `call` waits for them before it throws, and a form that finds a problem itself waits for them
 * before it shows it. Without them (the network failed too) the reader sees the entry's general words.
 */
export const errorWords = (): Promise<void> =>
  import("./strings/codes").then(
    () => undefined,
    () => undefined,
  );

/**
 * Awaits a client call: its typed body on success, an ApiError otherwise, with its words loaded
 * (`errorWords`) unless `options.errorWords` is false: the session's own call, whose answer names the
 * language every area of words waits for, cannot wait for words itself.
 */
export async function call<T extends ClientResponse<unknown>>(request: Promise<T>, options: { errorWords?: boolean } = {}): Promise<Body<T>> {
  let answer: Awaited<ReturnType<typeof readAnswer>>;
  try {
    answer = await readAnswer((await request) as unknown as Response);
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  if (answer.ok) return answer.data as Body<T>;
  if (options.errorWords !== false) await errorWords();
  const body = (answer.data ?? {}) as ErrorBody;
  const data = typeof body === "object" && body !== null ? body : {};
  throw new ApiError(answer.status, data.error ?? "error", data.message ?? String(answer.status), data.problems ?? [], data.errors ?? []);
}

export const isStatus = (error: unknown, status: number) => error instanceof ApiError && error.status === status;
