import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@fidelio/core/actor";
import { Audit } from "@fidelio/core/audit";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { Roster } from "@fidelio/core/roster";
import { RosterRunner } from "@fidelio/core/roster/runner";
import type { StudentInfo } from "@fidelio/core/student";
import { call, signIn } from "../support/api";
import { jobUntilEnd, newAccount, newDistrict, rosterCsv, toFiles } from "./fixture";

/** An import is a job: validated at once, written in the background, polled. */
describe("roster import as a job over the API", () => {
  let districtId: string;
  let admin: UserActor;
  let token: string;

  const upload = async (csvs: Record<string, string>, as = token) => {
    const form = new FormData();
    for (const [name, text] of Object.entries(csvs)) form.append("files", new File([text], name, { type: "text/csv" }));
    const response = await call("/api/admin/roster", { method: "POST", token: as, form });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    ({ districtId, actor: admin } = await newDistrict(["district_admin"], `jobs-${Date.now()}@jobs.test`));
    token = await signIn(admin.email);
  });

  it("checks the files at once: 400 with every problem, and no job, nothing written", async () => {
    const csvs = rosterCsv("jobs.test");
    csvs["users.csv"] = csvs["users.csv"]!.replace("t2@jobs.test", "not-an-email");
    const { status, body } = await upload(csvs);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ file: "users.csv", line: 3, field: "email" })]);
    expect(await queryAll(keys.openRosterJobs(districtId))).toEqual([]);
    expect(await queryAll(keys.sourceIdsOf(districtId))).toEqual([]);
  });

  it("answers 202 with a job id, then reports progress and the summary; every student has its audit entry", async () => {
    const { status, body } = await upload(rosterCsv("jobs.test"));
    expect(status).toBe(202);
    expect(body).toMatchObject({ id: expect.stringMatching(/^rjb_/), status: "queued", progress: { done: 0, total: 8 } });
    const job = await jobUntilEnd(token, body.id);
    expect(job).toMatchObject({ status: "done", progress: { done: 8, total: 8 }, summary: { created: 18, skipped: 1, revoked: 0, rolesEnded: [] } });
    const students = await queryAll<StudentInfo>(keys.studentsOfDistrict(districtId));
    expect(students).toHaveLength(2);
    for (const student of students) {
      const entries = (await Audit.page(student.id)).items.filter((e) => e.action === "roster.import");
      expect(entries).toHaveLength(1);
    }
    expect(await queryAll(keys.openRosterJobs(districtId))).toEqual([]);
  });

  it("answers 200 with the summary and starts no job when the files change nothing", async () => {
    const { status, body } = await upload(rosterCsv("jobs.test"));
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "done", summary: { created: 0, updated: 0, unchanged: 18 } });
    expect(body.id).toBeUndefined();
  });

  it("the same files uploaded again while their job is unfinished pick that job up and finish it", async () => {
    const csvs = rosterCsv("jobs.test");
    csvs["users.csv"] += "st4,active,s1,student,New,Kid,,,03\n";
    // A job whose process never ran it (as after a crash before the first heartbeat).
    const orphan = await Roster.startImport(admin, toFiles(csvs), () => undefined);
    expect(orphan).toMatchObject({ status: "queued" });
    const { status, body } = await upload(csvs);
    expect(status).toBe(202);
    expect(body.id).toBe(orphan.id);
    expect(await jobUntilEnd(token, body.id)).toMatchObject({ status: "done", summary: { byKind: { student: { created: 1 } } } });
  });

  it("refuses other files while an import is running (409), and shows a job only to its district's administrator", async () => {
    const csvs = rosterCsv("jobs.test");
    csvs["users.csv"] += "st5,active,s1,student,Late,Kid,,,03\n";
    const running = await Roster.startImport(admin, toFiles(csvs), () => undefined);
    const other = rosterCsv("jobs.test");
    other["users.csv"] += "st6,active,s1,student,Other,Kid,,,03\n";
    expect((await upload(other)).status).toBe(409);

    const stranger = await newDistrict(["district_admin"], `stranger-${Date.now()}@jobs.test`);
    expect((await call(`/api/admin/roster/jobs/${running.id}`, { token: await signIn(stranger.actor.email) })).status).toBe(404);
    const teacher = await newAccount(districtId, `teacher-${Date.now()}@jobs.test`, ["teacher"]);
    expect((await call(`/api/admin/roster/jobs/${running.id}`, { token: await signIn(teacher.email) })).status).toBe(403);
    await RosterRunner.run(running.id!);
    expect(await jobUntilEnd(token, running.id!)).toMatchObject({ status: "done" });
  });
});
