import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { Roster } from "@fidelio/core/roster";
import { areas } from "@fidelio/functions/api/areas";
import { buildLambdas } from "../../infra/build-lambdas";
import { synth } from "../../infra/synth";
import { User } from "@fidelio/core/user";
import { newDistrict, rosterCsv, toFiles } from "../roster/fixture";
import { signIn } from "../support/api";
import { createUser } from "../support/users";
import { functionsOf } from "./template";

type Handler = (event: unknown) => Promise<any>;

/**
 * The functions exactly as CDK bundles them for deployment (NodejsFunction's own esbuild run), as
 * `npm run build` writes them (infra/build-lambdas.ts), imported and called.
 */
describe("the deployed bundles", () => {
  const outdir = mkdtempSync(join(tmpdir(), "fidelio-lambdas-"));
  let built: ReturnType<typeof buildLambdas>;
  let handlerOf: (description: string, name?: string) => Promise<Handler>;

  beforeAll(() => {
    built = buildLambdas(outdir);
    handlerOf = async (description, name = "handler") => {
      const module = (await import(pathToFileURL(join(built.get(description)!.dir, "index.mjs")).href)) as Record<string, Handler>;
      return module[name]!;
    };
    // Every function bundled with esbuild, synchronously: minutes on a busy machine.
  }, 400_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("are every Fidelio function the app declares, each in its own folder with its source map and the handler the template names", () => {
    const declared = functionsOf(synth().template);
    expect([...built.keys()].sort()).toEqual([...declared.keys()].sort());
    for (const [description, { dir, handler }] of built) {
      expect(handler, description).toBe(declared.get(description)!.properties.Handler);
      // The API is split: its route areas' chunks sit beside the entry.
      const files = description === "Fidelio API" ? ["chunks", "index.mjs", "index.mjs.map"] : ["index.mjs", "index.mjs.map"];
      expect(readdirSync(dir).sort(), description).toEqual(files);
    }
    expect(built.get("Fidelio API")!.dir).toBe(join(outdir, "api"));
  });

  it("the API's code asset is its entry and its chunks, each with its source map; the handler is the entry's, and the chunks load from where they are deployed", {
    timeout: 120_000,
  }, async () => {
    const api = built.get("Fidelio API")!;
    expect(api.handler).toBe("index.handler");
    const chunks = readdirSync(join(api.dir, "chunks"));
    const modules = chunks.filter((file) => file.endsWith(".mjs"));
    // One chunk at least for each route area that loads on first use, and shared code between them.
    expect(modules.length).toBeGreaterThan(Object.keys(areas).length);
    expect(chunks.sort()).toEqual(modules.flatMap((file) => [file, `${file}.map`]).sort());
    expect(api.allBytes).toBeGreaterThan(api.bytes);

    // A signed-in request to an area: its chunk loads from the folder the deploy zips.
    await createUser("chunks@bundle.fidelio.test", ["teacher"]);
    const token = await signIn("chunks@bundle.fidelio.test");
    const handler = await handlerOf("Fidelio API");
    const answer = await handler({
      version: "2.0",
      routeKey: "$default",
      rawPath: "/api/students",
      rawQueryString: "",
      headers: { host: "api.example.test", authorization: `Bearer ${token}` },
      requestContext: {
        http: { method: "GET", path: "/api/students", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test" },
        domainName: "api.example.test",
        requestId: "r1",
        stage: "$default",
      },
      isBase64Encoded: false,
    });
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ items: [] });
  });

  it("the roster job function runs a queued import against DynamoDB Local to the end", async () => {
    const { districtId, actor } = await newDistrict(["district_admin"]);
    // Queued as the API would, with the dispatch (the Lambda invoke) left out: the bundle is what runs it.
    const started = await Roster.startImport(actor, toFiles(rosterCsv("bundle.test")), () => undefined);
    expect(started).toMatchObject({ id: expect.stringMatching(/^rjb_/), status: "queued" });
    const job = await handlerOf("Fidelio roster import job");

    // The job plans, the administrator confirms (the dispatch left out again), then it writes.
    expect(await job({ jobId: started.id })).toEqual({ jobId: started.id, status: "awaiting_confirmation" });
    await Roster.confirm(actor, started.id!, {}, () => undefined);
    expect(await job({ jobId: started.id })).toEqual({ jobId: started.id, status: "done" });
    expect(await Roster.job(actor, started.id!)).toMatchObject({ status: "done", progress: { done: 8, total: 8 }, summary: { created: 18 } });
    expect(await queryAll(keys.studentsOfDistrict(districtId))).toHaveLength(2);
    expect(await queryAll(keys.openRosterJobs(districtId))).toEqual([]);
    // Lambda's async retry of a finished job changes nothing.
    expect(await job({ jobId: started.id })).toEqual({ jobId: started.id, status: "done" });
  });

  it("the roster job function rejects an event that names no job, and writes nothing", async () => {
    const job = await handlerOf("Fidelio roster import job");
    await expect(job({ jobId: "stu_1" })).rejects.toMatchObject({ name: "ValiError" });
    await expect(job({})).rejects.toMatchObject({ name: "ValiError" });
  });

  it("the outbox sweep function runs a round against the table", async () => {
    const sweep = await handlerOf("Fidelio outbox sweep", "sweep");
    expect(await sweep({})).toEqual({ swept: expect.any(Number) });
  });

  it("the bounce and complaint function flags an address from an SES event as EventBridge delivers it", async () => {
    const user = await createUser("bounced@bundle.fidelio.test", ["teacher"]);
    const feedback = await handlerOf("Fidelio email bounces and complaints");
    const event = {
      "detail-type": "Email Bounced",
      source: "aws.ses",
      detail: {
        eventType: "Bounce",
        bounce: { bounceType: "Permanent", feedbackId: "fb-1", timestamp: "2026-11-30T17:02:11.000Z", bouncedRecipients: [{ emailAddress: user.email }] },
        mail: { messageId: "m-1" },
      },
    };
    expect(await feedback(event)).toEqual({ flagged: [user.id] });
    expect((await User.get(user.id))?.emailUndeliverable).toMatchObject({ reason: "bounce", feedbackId: "fb-1" });
  });

  it("each escalation step is bundled with the concern module's steps inside: a step for a concern that does not exist fails by name", async () => {
    const steps = ["prepare-level", "wait-for-answer", "apply-outcome", "record-failure"];
    const outcomes = await Promise.all(
      steps.map(async (step) =>
        (await handlerOf(`Fidelio escalation step ${step}`))({
          concernId: "con_1",
          outcome: { kind: "resume" },
          wait: { for: "assignee", level: "teacher", deadline: "2026-11-17T07:59:59.000Z", timeoutSeconds: 60 },
          taskToken: "t",
          executionName: "con_1",
          failure: { Error: "x" },
        }).catch((error: Error) => error.name),
      ),
    );
    // Prepare and apply name the missing concern; record-failure has nothing to record; wait-for-answer cannot store
    // its token and tries to end its own wait, which needs the state machine (no STATE_MACHINE_ARN here).
    expect(outcomes.filter((o) => o === "Fidelio.ConcernMissing")).toHaveLength(2);
    expect(outcomes[3]).toBeUndefined();
    expect(outcomes).not.toContain("WorkflowStepsMissing");
  });
});
