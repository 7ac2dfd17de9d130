import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { build, type Metafile } from "esbuild";
import { apiBundleOptions } from "@fidelio/functions/api/bundle-options";
import { emailsTo, latestCode } from "../support/mail";
import { createUser } from "../support/users";

/** The API Lambda exactly as it would deploy: bundled, minified, SDK inside, credentials from the environment. */
describe("the API Lambda bundle", () => {
  const dir = mkdtempSync(join(tmpdir(), "fidelio-bundle-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, "api.mjs");
  // One esbuild run for both tests (built on first use, so either test also runs alone).
  let built: Promise<Metafile> | undefined;
  const bundle = () => (built ??= build({ ...apiBundleOptions, outfile, metafile: true, logLevel: "silent" }).then((result) => result.metafile!));

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
