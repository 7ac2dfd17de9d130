import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { build, type Metafile } from "esbuild";
import { areas } from "@fidelio/functions/api/areas";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";
import { emailsTo, latestCode } from "../support/mail";
import { createUser } from "../support/users";

/** The API Lambda exactly as it would deploy: bundled, minified, SDK inside, credentials from the environment, split into its entry and chunks. */
describe("the API Lambda bundle", () => {
  const dir = mkdtempSync(join(tmpdir(), "fidelio-bundle-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, "index.mjs");
  // One esbuild run for every test (built on first use, so each test also runs alone).
  let built: Promise<Metafile> | undefined;
  const bundle = () => (built ??= build({ ...apiBundleOptions, outdir: dir, metafile: true, logLevel: "silent" }).then((result) => result.metafile!));

  it("answers an API Gateway v2 event against DynamoDB Local and SES local", async () => {
    await createUser("bundle@lambda.fidelio.test", ["teacher"]);
    await bundle();
    const { handler } = (await import(pathToFileURL(outfile).href)) as {
      handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
    };

    const event = (method: string, path: string, body?: unknown) => ({
      version: "2.0",
      routeKey: "$default",
      rawPath: path,
      rawQueryString: "",
      headers: { "content-type": "application/json", host: "api.example.test" },
      requestContext: {
        http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test" },
        domainName: "api.example.test",
        requestId: "r1",
        stage: "$default",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      isBase64Encoded: false,
    });
    const started = await handler(event("POST", "/api/auth/start", { email: "bundle@lambda.fidelio.test" }), {});
    expect(started.statusCode).toBe(202);
    await latestCode("bundle@lambda.fidelio.test");
    expect(await emailsTo("bundle@lambda.fidelio.test")).toHaveLength(1);
    const unauthenticated = await handler(event("GET", "/api/me"), {});
    expect(unauthenticated.statusCode).toBe(401);
    expect(JSON.parse(unauthenticated.body)).toMatchObject({ error: "unauthenticated" });

    // A route area behind the session loads from its chunk on its first request, and answers as the one app does:
    // the session's actor, the API's headers, its 404 and its error shape.
    const code = await latestCode("bundle@lambda.fidelio.test");
    const verified = await handler(event("POST", "/api/auth/verify", { email: "bundle@lambda.fidelio.test", code }), {});
    expect(verified.statusCode).toBe(200);
    const { token } = JSON.parse(verified.body) as { token: string };
    const signedIn = (method: string, path: string, body?: unknown) => {
      const e = event(method, path, body);
      return { ...e, headers: { ...e.headers, authorization: `Bearer ${token}` } };
    };
    const students = (await handler(signedIn("GET", "/api/students"), {})) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(students.statusCode).toBe(200);
    expect(JSON.parse(students.body)).toEqual({ items: [] });
    expect(students.headers).toMatchObject({ "cache-control": "no-store", "x-request-id": "r1", "x-content-type-options": "nosniff" });
    const missing = await handler(signedIn("GET", "/api/students/stu_missing"), {});
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: "not_found" });
    const noRoute = await handler(signedIn("GET", "/api/students/stu_1/no/such/route"), {});
    expect(noRoute.statusCode).toBe(404);
    expect(JSON.parse(noRoute.body)).toEqual({ error: "not_found", message: "No such API route" });
    const invalid = await handler(signedIn("PUT", "/api/students/stu_1/iep", { services: "many" }), {});
    expect(invalid.statusCode).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ error: "invalid" });
  });

  it("starts from an entry that holds only what sign-in, the session and /api/me need: every other route area is a chunk loaded on first use", async () => {
    const metafile = await bundle();
    const outputs = Object.entries(metafile.outputs).filter(([path]) => path.endsWith(".mjs"));
    const entry = outputs.find(([path]) => path.endsWith("/index.mjs"))!;
    // What a cold start compiles: the entry and the chunks it imports statically, and what those import.
    const loaded = new Set([entry[0]]);
    for (const path of loaded) for (const i of metafile.outputs[path]!.imports) if (i.kind === "import-statement" && !i.external) loaded.add(i.path);
    const sources = [...loaded].flatMap((path) => Object.keys(metafile.outputs[path]!.inputs));
    expect(sources.filter((path) => /functions\/src\/api\/routes\//.test(path)).sort()).toEqual([
      "packages/functions/src/api/routes/auth.ts",
      "packages/functions/src/api/routes/me.ts",
    ]);
    // No roster file checks, no packet, no reports, no catalog index in the cold start.
    expect(
      sources.filter((path) => /roster\/(files|plan|index)\.ts$|concern\/packet|fidelity\/(student|district)-report|messages\/index\.ts|fflate/.test(path)),
    ).toEqual([]);
    // One chunk per area, loaded by the entry on the area's first request.
    const dynamic = metafile.outputs[entry[0]]!.imports.filter((i) => i.kind === "dynamic-import" && !i.external);
    expect(dynamic).toHaveLength(Object.keys(areas).length);
  });

  it("bundles everything it loads but Node's own modules and the event-stream module, which only a lazy import names, and not the roster job's writing", async () => {
    const metafile = await bundle();
    const imports = Object.values(metafile.outputs)
      .flatMap((output) => output.imports)
      .filter((entry) => entry.external);
    const notNode = imports.filter((entry) => !entry.path.startsWith("node:") && entry.path !== "module");
    // DynamoDB, Step Functions and Lambda Invoke have no event-stream operation, so this import is never reached.
    expect(notNode).toEqual([{ path: "@smithy/core/event-streams", kind: "dynamic-import", external: true }]);
    // The roster job's writing runs in its own function; the API only checks, queues and reports.
    expect(Object.keys(metafile.inputs).filter((path) => /roster\/(run|runner|apply)\.ts$/.test(path))).toEqual([]);
  });
});
