import { beforeAll, describe, expect, it } from "vitest";
import { app } from "@fidelio/functions/api/app";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { currentWeek, demo, formsOf, json } from "../fidelity/helpers";

/** A body is read only in the media type its route reads; every submit carries the version it was made against. */
let teacher = "";
let admin = "";
let sofia = "";

beforeAll(async () => {
  await seedDemo();
  [teacher, admin] = [await signIn(demo("teacher")), await signIn(demo("admin"))];
  sofia = ((await (await call("/api/students", { token: await signIn(demo("parent")) })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
});

const raw = (method: string, path: string, token: string, type: string | undefined, body: string) =>
  app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(type !== undefined && { "content-type": type }) }, body });

describe("content types", () => {
  it("every route that takes a body answers 415 to a type it does not read", async () => {
    const writes = [
      ...new Map(
        app.routes.filter((r) => /^(POST|PUT|PATCH|DELETE)$/.test(r.method) && !r.path.includes("*")).map((r) => [`${r.method} ${r.path}`, r]),
      ).values(),
    ];
    expect(writes.length).toBeGreaterThan(8);
    for (const route of writes) {
      const path = route.path.replace(/:[a-zA-Z]+/g, sofia);
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "text/csv", "application/jsonx"]) {
        const res = await raw(route.method, path, route.path.startsWith("/api/admin") ? admin : teacher, type, '{"version":0}');
        expect(res.status, `${route.method} ${route.path} as ${type}`).toBe(415);
        expect(((await res.json()) as { error: string }).error).toBe("unsupported_media_type");
      }
    }
    // What the routes read still gets through to them (here: refused for its content, not its type).
    expect((await raw("PUT", "/api/me", teacher, "application/json; charset=UTF-8", '{"language":"xx"}')).status).toBe(400);
    expect((await raw("POST", "/api/admin/roster", admin, "application/json", "{}")).status).toBe(415);
  });

  it("a text/plain submit with a stale version submits nothing; as JSON it is 409, and without a version 400", async () => {
    const form = (await formsOf(teacher, await currentWeek())).find((f) => f.studentId === sofia)!;
    const before = await json(call(`/api/fidelity/forms/${form.id}`, { token: teacher }));
    const stale = JSON.stringify({ version: before.body.version + 7 });
    expect((await raw("POST", `/api/fidelity/forms/${form.id}/submit`, teacher, "text/plain", stale)).status).toBe(415);
    expect((await raw("POST", `/api/fidelity/forms/${form.id}/submit`, teacher, undefined, stale)).status).toBe(415);
    const asJson = await json(raw("POST", `/api/fidelity/forms/${form.id}/submit`, teacher, "application/json", stale));
    expect(asJson).toMatchObject({ status: 409, body: { error: "conflict" } });
    const unversioned = await json(call(`/api/fidelity/forms/${form.id}/submit`, { token: teacher, body: {} }));
    expect(unversioned.status).toBe(400);
    expect(unversioned.body.problems).toContainEqual(expect.objectContaining({ field: "version", code: "required" }));
    const after = await json(call(`/api/fidelity/forms/${form.id}`, { token: teacher }));
    expect(after.body).toMatchObject({ status: before.body.status, version: before.body.version });
  });
});
