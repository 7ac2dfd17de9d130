import type { hc } from "hono/client";
import type { Hono } from "hono";

/**
 * Hono's typed client (`hc<App>`), typed by Hono and run by these few lines: the app's calls name
 * their paths, parameters, queries and bodies through Hono's types, and each one becomes the same
 * request Hono's own runtime makes (test/unit/typed-client.test.ts builds every kind of call the app
 * makes with both and compares what reaches a Hono app). Hono's runtime also carries cookies, web
 * sockets, `index` routes, optional parameters and header callbacks, which the app does not use and
 * every page's entry would carry (the saving is in docs/benchmarks.md, "Parent pages").
 *
 * What a call takes: `param` (each `:name` segment, as given), `query` (a list repeats its key, an
 * undefined value is left out), `json` (sent as application/json), `form` (multipart, a list appends
 * each item), `header`. `$url` returns the URL of a GET.
 */
// biome-ignore lint/suspicious/noExplicitAny: the app's type is any Hono app, as hc's own signature says.
export const typedClient = <App extends Hono<any, any, any>>(origin: string, send: typeof fetch = (...args) => fetch(...args)) =>
  client([], origin, send) as ReturnType<typeof hc<App>>;

interface Args {
  param?: Record<string, string>;
  query?: Record<string, unknown>;
  json?: unknown;
  form?: Record<string, unknown>;
  header?: Record<string, string>;
}

/** Each defined value of a record, a list's items one by one, in order: a query's or a form's entries. */
const entries = (record: Record<string, unknown> = {}) =>
  Object.entries(record).flatMap(([key, value]) => [value].flat().flatMap((one) => (one === undefined ? [] : [[key, one as string | Blob] as const])));

const client = (path: string[], origin: string, send: typeof fetch): unknown =>
  new Proxy(() => {}, {
    get: (_, key) => (typeof key === "string" && key !== "then" ? client([...path, key], origin, send) : undefined),
    apply: (_, __, [args = {}]: [Args?]) => {
      const method = path.at(-1)!.slice(1).toUpperCase();
      const segments = path.slice(0, -1).flatMap((segment) => (segment.startsWith(":") ? [args.param?.[segment.slice(1)] ?? ""].filter(Boolean) : [segment]));
      const query = new URLSearchParams(entries(args.query) as Array<[string, string]>).toString();
      const url = `${origin.replace(/\/+$/, "")}/${segments.join("/")}${query ? `?${query}` : ""}`;
      if (method === "URL") return new URL(url);
      const headers = new Headers(args.header);
      let body: BodyInit | undefined;
      if (args.form) {
        const form = new FormData();
        for (const [key, value] of entries(args.form)) form.append(key, value);
        body = form;
      }
      if (args.json !== undefined) {
        body = JSON.stringify(args.json);
        headers.set("Content-Type", "application/json");
      }
      return send(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : body, credentials: "same-origin" });
    },
  });

/** What a response holds, read as Hono's `parseResponse` reads it: JSON when it says so, text otherwise, nothing for a status without a body. */
export async function readAnswer(response: Response): Promise<{ ok: boolean; status: number; data: unknown }> {
  const type = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
  const data =
    response.body && ![101, 204, 205, 304].includes(response.status)
      ? await (/^application\/(?:[\w!#$%&*.^`~-]*\+)?json$/i.test(type) ? response.json() : response.text())
      : undefined;
  return { ok: response.ok, status: response.status, data };
}
