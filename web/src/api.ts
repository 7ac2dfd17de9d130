import type { ClientResponse, hc, parseResponse } from "hono/client";
import type { Api } from "@fidelio/functions/api/app";
import type { Problem } from "@fidelio/core/problem";

export type { Problem };

/** What a call passes: the path's `:name` values, the query, a JSON body and headers (as Hono's client takes them). */
interface CallArgs {
  param?: Record<string, string>;
  query?: Record<string, unknown>;
  json?: unknown;
  header?: Record<string, string | undefined>;
}

/** `/api/students/:id` with `{ param: { id } }` and `{ query }` filled in, as Hono's client builds it. */
function urlOf(path: string[], args: CallArgs = {}) {
  let url = `/${path.join("/")}`.replace(/\/index$/, "");
  for (const [name, value] of Object.entries(args.param ?? {})) url = url.replace(new RegExp(`/:${name}(?=/|$)`), value ? `/${value}` : "");
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(args.query ?? {}))
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) query.append(name, String(one));
  const search = query.toString();
  return `${location.origin}${url}${search ? `?${search}` : ""}`;
}

/** `api.students[":id"].$get(args)`: each property a path segment, the `$method` call the request. */
const client = (path: string[]): unknown =>
  new Proxy(() => {}, {
    get: (_, key) => (typeof key === "string" && key !== "then" ? client([...path, key]) : undefined),
    apply(_, __, [args]: [CallArgs?]) {
      const method = path.at(-1)!.slice(1).toUpperCase();
      const url = urlOf(path.slice(0, -1), args);
      if (method === "URL") return new URL(url);
      const json = args?.json !== undefined && method !== "GET";
      return fetch(url, {
        method,
        headers: { ...args?.header, ...(json && { "Content-Type": "application/json" }) } as Record<string, string>,
        body: json ? JSON.stringify(args.json) : undefined,
        credentials: "same-origin",
      });
    },
  });

/**
 * The typed API client: Hono's client types (every route's params, query, body and answer), with a
 * runtime of a few lines that makes the same requests (the web uses `$get`/`$post`/`$put`/`$delete`/`$url`
 * with `param`, `query`, `json` and `header`). Same origin, so the HttpOnly session cookie rides along.
 */
export const api = (client([]) as ReturnType<typeof hc<Api>>).api;

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

/** Awaits a client call: its typed body on success (JSON, or text), an ApiError otherwise. */
export async function call<T extends ClientResponse<unknown>>(request: Promise<T>): Promise<Body<T>> {
  let response: Response;
  let data: unknown;
  try {
    response = await request;
    const bodyless = !response.body || [101, 204, 205, 304].includes(response.status);
    data = bodyless
      ? undefined
      : /^application\/(.+\+)?json\b/.test(response.headers.get("content-type") ?? "")
        ? await response.json()
        : await response.text();
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return data as Body<T>;
  const body = (typeof data === "object" && data !== null ? data : {}) as ErrorBody;
  throw new ApiError(response.status, body.error ?? "error", body.message ?? String(response.status), body.problems ?? [], body.errors ?? []);
}

export const isStatus = (error: unknown, status: number) => error instanceof ApiError && error.status === status;
