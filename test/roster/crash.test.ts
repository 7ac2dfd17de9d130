import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DynamoDBClient, QueryCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { generateRoster } from "@fidelio/local/bench/roster-generator";
import { demoDistrictId } from "@fidelio/local/demo/seed";
import { freePort } from "@fidelio/local/emulators/free-port";
import { localDynamoCredentials } from "@fidelio/local/dynamo-key";
import { signInOverHttp } from "@fidelio/local/sign-in-over-http";
import { copyDemoTemplate } from "../support/demo-template";
import { startNpmStart } from "../support/npm-start";

/**
 * `kill -9` of the app in the middle of a large import, as a real process. At the
 * moment of the crash no relationship names a student that is not written and every written student
 * has its audit entry; after a restart the job finishes, each student audited exactly once.
 */
const dataDir = mkdtempSync(join(tmpdir(), "fidelio-crash-"));
const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});
// The build npm test made before: rebuilding would take web/dist from other files' servers meanwhile.
const start = (env: Record<string, string>) => startNpmStart({ ...env, SKIP_WEB_BUILD: "1" });
const students = 1200;

/** A process still running (a zombie whose parent was killed counts as gone). */
function alive(pid: number) {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}

/** What the table holds for the imported students, read straight from DynamoDB Local. */
async function inspect(dynamoPort: string) {
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${dynamoPort}`, region: "us-east-1", credentials: localDynamoCredentials(dataDir) });
  const query = async (pk: string, skPrefix?: string) => {
    const items: Array<Record<string, any>> = [];
    let start: Record<string, any> | undefined;
    do {
      const out = await client.send(
        new QueryCommand({
          TableName: "fidelio",
          KeyConditionExpression: skPrefix ? "pk = :pk AND begins_with(sk, :sk)" : "pk = :pk",
          ExpressionAttributeValues: { ":pk": { S: pk }, ...(skPrefix && { ":sk": { S: skPrefix } }) },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []).map((item) => unmarshall(item)));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  };
  const mapped = (await query(`DIST#${demoDistrictId}`, "SRC#student#")).filter((s) => /^stu-\d{5}$/.test(String(s.sourcedId)));
  const found = { mapped: mapped.length, written: 0, orphanLinks: 0, auditCounts: new Map<number, number>(), unauditedOrTwice: [] as string[] };
  for (let i = 0; i < mapped.length; i += 20) {
    await Promise.all(
      mapped.slice(i, i + 20).map(async ({ id }) => {
        const [partition, audit] = await Promise.all([query(`STU#${id}`), query(`AUDIT#STU#${id}`)]);
        const hasStudent = partition.some((item) => item.sk === "STUDENT");
        const links = partition.filter((item) => String(item.sk).startsWith("REL#")).length;
        const imports = audit.filter((entry) => entry.action === "roster.import").length;
        if (hasStudent) found.written++;
        if (links > 0 && !hasStudent) found.orphanLinks++;
        if (imports !== (hasStudent ? 1 : 0)) found.unauditedOrTwice.push(`${id}: ${imports} audit entries, student ${hasStudent ? "written" : "missing"}`);
      }),
    );
  }
  client.destroy();
  return found;
}

describe("a roster import killed with kill -9", () => {
  it("never exposes a link to a missing student, and a restart finishes the job and its audit exactly once", async () => {
    const ports = { PORT: String(await freePort()), DYNAMO_PORT: String(await freePort()), MAIL_PORT: String(await freePort()) };
    // An install whose demo district is already seeded (test/support/demo-template.ts).
    const { clockEnv } = await copyDemoTemplate(dataDir);
    const env = { ...ports, ...clockEnv, DATA_DIR: dataDir };
    const app = `http://127.0.0.1:${ports.PORT}`;
    const mail = `http://127.0.0.1:${ports.MAIL_PORT}`;

    let emulators: number[] = [];
    const first = await start(env);
    // Whatever fails below, no app or emulator of this test outlives it.
    cleanups.push(() => {
      if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill("SIGKILL");
      for (const pid of emulators.filter(alive)) process.kill(pid, "SIGTERM");
    });
    // DynamoDB Local, the app's child: it outlives a kill -9 of the app, as the real table would.
    emulators = execFileSync("ps", ["-o", "pid=", "--ppid", String(first.child.pid)])
      .toString()
      .trim()
      .split(/\s+/)
      .map(Number)
      .filter((pid) => alive(pid) && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("DynamoDBLocal"));
    expect(emulators).toHaveLength(1);
    const token = await signInOverHttp(app, mail, "admin@demo.fidelio.test");
    const headers = { authorization: `Bearer ${token}` };
    const form = new FormData();
    for (const [name, text] of Object.entries(generateRoster(students))) form.append("files", new File([text], name, { type: "text/csv" }));
    const posted = await fetch(`${app}/api/admin/roster`, { method: "POST", headers, body: form });
    expect(posted.status).toBe(202);
    const { id, progress } = (await posted.json()) as { id: string; progress: { total: number } };
    // The job plans first; the administrator confirms its plan (typing the count: it ends the demo accounts' roles).
    for (;;) {
      const job = (await (await fetch(`${app}/api/admin/roster/jobs/${id}`, { headers })).json()) as {
        status: string;
        plan?: { endingRoles: number; needsTypedCount: boolean };
      };
      expect(["queued", "running", "awaiting_confirmation"]).toContain(job.status);
      if (job.status === "awaiting_confirmation") {
        const body = JSON.stringify(job.plan!.needsTypedCount ? { endCount: job.plan!.endingRoles } : {});
        const confirmed = await fetch(`${app}/api/admin/roster/jobs/${id}/confirm`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body,
        });
        expect(confirmed.status).toBe(202);
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }

    // Well into the students (people are written first), then the process dies without warning.
    for (;;) {
      const job = (await (await fetch(`${app}/api/admin/roster/jobs/${id}`, { headers })).json()) as { status: string; progress: { done: number } };
      expect(["queued", "running"]).toContain(job.status);
      if (job.progress.done > progress.total * 0.6) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    first.child.kill("SIGKILL");
    await first.exited;

    // DynamoDB Local outlives the app, as the real table would: look at what the crash left.
    const atCrash = await inspect(ports.DYNAMO_PORT);
    expect(atCrash.mapped).toBe(students);
    expect(atCrash.written).toBeGreaterThan(0);
    expect(atCrash.written).toBeLessThan(students);
    expect(atCrash.orphanLinks).toBe(0);
    expect(atCrash.unauditedOrTwice).toEqual([]);
    for (const pid of emulators) process.kill(pid, "SIGTERM");
    while (emulators.some(alive)) await new Promise((r) => setTimeout(r, 200));

    // The restarted stack takes the job over; asking for it shows it finish.
    const second = await start(env);
    cleanups.push(() => void (second.child.exitCode === null && second.child.signalCode === null && second.child.kill("SIGTERM")));
    try {
      let job: { status: string; progress: { done: number; total: number }; summary?: { byKind: Record<string, { created: number }> } };
      do {
        await new Promise((r) => setTimeout(r, 500));
        job = (await (await fetch(`${app}/api/admin/roster/jobs/${id}`, { headers })).json()) as typeof job;
      } while (job.status === "running" || job.status === "queued");
      expect(job).toMatchObject({ status: "done", progress: { done: progress.total, total: progress.total } });
      // The summary is the whole job's, not only what the second run wrote.
      expect(job.summary!.byKind.student!.created).toBe(students);
      // The job is done: what the table holds now is all it will ever hold.
      const after = await inspect(ports.DYNAMO_PORT);
      expect(after).toMatchObject({ mapped: students, written: students, orphanLinks: 0, unauditedOrTwice: [] });
    } finally {
      second.child.kill("SIGTERM");
      await second.exited;
    }
  }, 400_000);
});
