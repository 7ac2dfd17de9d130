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

  type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;
  const handlerOf = async () => {
    await bundle();
    return ((await import(pathToFileURL(outfile).href)) as { handler: Handler }).handler;
  };
  const event = (method: string, path: string, body?: unknown, token?: string) => ({
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: { "content-type": "application/json", host: "api.example.test", ...(token && { authorization: `Bearer ${token}` }) },
    requestContext: {
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test" },
      domainName: "api.example.test",
      requestId: "r1",
      stage: "$default",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  });
  // Building and loading the bundle takes seconds, and far more on a busy machine.
  const slow = 120_000;

  it("answers an API Gateway v2 event against DynamoDB Local and SES local", { timeout: slow }, async () => {
    await createUser("bundle@lambda.fidelio.test", ["teacher"]);
    const handler = await handlerOf();
    const started = await handler(event("POST", "/api/auth/start", { email: "bundle@lambda.fidelio.test" }), {});
    expect(started.statusCode).toBe(202);
    await latestCode("bundle@lambda.fidelio.test");
    expect(await emailsTo("bundle@lambda.fidelio.test")).toHaveLength(1);
    const unauthenticated = await handler(event("GET", "/api/me"), {});
    expect(unauthenticated.statusCode).toBe(401);
    expect(JSON.parse(unauthenticated.body)).toMatchObject({ error: "unauthenticated" });
  });

  it("loads a route area from its chunk on the area's first request, answering as the one app does", { timeout: slow }, async () => {
    await createUser("chunks@lambda.fidelio.test", ["teacher"]);
    const handler = await handlerOf();
    expect((await handler(event("POST", "/api/auth/start", { email: "chunks@lambda.fidelio.test" }), {})).statusCode).toBe(202);
    const code = await latestCode("chunks@lambda.fidelio.test");
    const verified = await handler(event("POST", "/api/auth/verify", { email: "chunks@lambda.fidelio.test", code }), {});
    expect(verified.statusCode).toBe(200);
    const { token } = JSON.parse(verified.body) as { token: string };

    // The session's actor, the API's headers, its 404 and its error shape.
    const students = await handler(event("GET", "/api/students", undefined, token), {});
    expect(students.statusCode).toBe(200);
    expect(JSON.parse(students.body)).toEqual({ items: [] });
    expect(students.headers).toMatchObject({ "cache-control": "no-store", "x-request-id": "r1", "x-content-type-options": "nosniff" });
    const missing = await handler(event("GET", "/api/students/stu_missing", undefined, token), {});
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: "not_found" });
    const noRoute = await handler(event("GET", "/api/students/stu_1/no/such/route", undefined, token), {});
    expect(noRoute.statusCode).toBe(404);
    expect(JSON.parse(noRoute.body)).toEqual({ error: "not_found", message: "No such API route" });
    const invalid = await handler(event("PUT", "/api/students/stu_1/iep", { services: "many" }, token), {});
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
