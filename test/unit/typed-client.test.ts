import { Hono } from "hono";
import { hc, parseResponse } from "hono/client";
import { describe, expect, test } from "vitest";
import { readAnswer, typedClient } from "../../web/src/typed-client";

/**
 * The web's typed client (web/src/typed-client.ts) runs Hono's `hc` calls with its own few lines: each
 * kind of call the app makes, built by Hono's client and by ours, must reach a Hono app as the same
 * request (method, path, query, content type, body), and each answer must read the same.
 */

const echo = new Hono().all("*", async (c) => {
  const type = c.req.header("content-type") ?? "";
  let body: unknown = await c.req.text();
  if (type.startsWith("multipart/form-data")) {
    const form = await new Request(c.req.url, { method: "POST", headers: { "content-type": type }, body: body as string }).formData();
    const entries: Array<[string, string]> = [];
    form.forEach((value, key) => {
      entries.push([key, typeof value === "string" ? value : `${value.name} ${value.size} bytes`]);
    });
    body = entries;
  }
  return c.json({ method: c.req.method, url: c.req.url, type: type.split(";")[0], key: c.req.header("idempotency-key") ?? null, body });
});

const routes = new Hono()
  .get("/api/students/:id", (c) => c.json({}))
  .get("/api/reports/fidelity", (c) => c.json({}))
  .post("/api/concerns", (c) => c.json({}))
  .post("/api/concerns/:id/actions", (c) => c.json({}))
  .put("/api/me", (c) => c.json({}))
  .delete("/api/sessions/:id", (c) => c.json({}))
  .post("/api/admin/roster", (c) => c.json({}));

const origin = "http://fidelio.test";
const send = ((input: RequestInfo | URL, init?: RequestInit) => echo.request(input, init)) as typeof fetch;
const clients = {
  hono: hc<typeof routes>(origin, { fetch: send, init: { credentials: "same-origin" } }).api,
  ours: typedClient<typeof routes>(origin, send).api,
};
type Client = typeof clients.hono;

const calls: Array<[string, (api: Client) => Promise<Response>]> = [
  ["a GET with a param", (api) => api.students[":id"].$get({ param: { id: "s-1 2" } })],
  [
    "a GET with a query, a list and an undefined value",
    (api) => api.reports.fidelity.$get({ query: { school: ["a", "b"], from: "2026-09-01", to: undefined } as never }),
  ],
  [
    "a POST with a header and JSON",
    (api) => api.concerns.$post({ header: { "idempotency-key": "k-1" }, json: { subject: "Tiempo extra", items: [1, 2] } } as never),
  ],
  ["a POST with a param and JSON", (api) => api.concerns[":id"].actions.$post({ param: { id: "c-9" }, json: { action: "escalate" } } as never)],
  ["a PUT with JSON", (api) => api.me.$put({ json: { language: "es" } } as never)],
  ["a DELETE with a param", (api) => api.sessions[":id"].$delete({ param: { id: "x" } })],
  [
    "a multipart form with files",
    (api) =>
      api.admin.roster.$post({ form: { files: [new File(["a,b\n"], "users.csv"), new File(["c\n"], "classes.csv")], note: "uno", none: undefined } } as never),
  ],
];

describe("the web's typed client", () => {
  for (const [name, make] of calls)
    test(`${name}: the same request as Hono's client`, async () => {
      const [theirs, ours] = await Promise.all([make(clients.hono), make(clients.ours)].map(async (answer) => (await answer).json()));
      expect(ours).toEqual(theirs);
    });

  test("$url: the same URL as Hono's client", () => {
    const url = (api: Client) => api.reports.fidelity.$url({ query: { school: ["a", "b"], format: "csv" } as never });
    expect(url(clients.ours).href).toBe(url(clients.hono).href);
    expect(url(clients.ours).href).toBe(`${origin}/api/reports/fidelity?school=a&school=b&format=csv`);
  });

  test("an answer reads as Hono's parseResponse reads it", async () => {
    const answers = [
      () => new Response(JSON.stringify({ items: [1] }), { headers: { "content-type": "application/json; charset=utf-8" } }),
      () => new Response(JSON.stringify({ a: 1 }), { headers: { "content-type": "application/problem+json" } }),
      () => new Response("student,week\n", { headers: { "content-type": "text/csv" } }),
      () => new Response(null, { status: 204 }),
      () => new Response(JSON.stringify({ error: "not_found" }), { status: 404, headers: { "content-type": "application/json" } }),
    ];
    for (const answer of answers) {
      const ours = await readAnswer(answer());
      const theirs = await parseResponse(answer() as never).then(
        (data) => ({ ok: true, data }),
        (error: { detail?: { data?: unknown } }) => ({ ok: false, data: error.detail?.data }),
      );
      expect({ ok: ours.ok, data: ours.data }).toEqual(theirs);
    }
    expect((await readAnswer(answers[4]!())).status).toBe(404);
  });
});
