import { beforeAll, describe, expect, it } from "vitest";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { Student, type StudentInfo } from "@fidelio/core/student";
import { User } from "@fidelio/core/user";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { jobUntilEnd, jobUntilPlanned, newAccount, newDistrict, rosterCsv, rosterCsv12 } from "./fixture";

/** An import shows its plan and writes nothing until the administrator confirms it. */

const upload = async (token: string, csvs: Record<string, string>) => {
  const form = new FormData();
  for (const [name, text] of Object.entries(csvs)) form.append("files", new File([text], name, { type: "text/csv" }));
  const response = await call("/api/admin/roster", { method: "POST", token, form });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};
const confirm = (token: string, id: string, body: Record<string, unknown> = {}) =>
  call(`/api/admin/roster/jobs/${id}/confirm`, { method: "POST", token, body });

/** The 1.2 set with every file marked `delta` in manifest.csv (rows all active), as a public delta export is. */
function deltaSet(domain: string) {
  const set = rosterCsv12(domain);
  set["manifest.csv"] = [
    "propertyName,value",
    "manifest.version,1.0",
    "oneroster.version,1.2",
    ...["academicSessions", "orgs", "users", "roles", "classes", "courses", "enrollments", "userProfiles", "demographics"].map((file) => `file.${file},delta`),
    "",
  ].join("\n");
  return set;
}

describe("a OneRoster delta set against the demo district", () => {
  let token: string;
  beforeAll(async () => {
    await seedDemo();
    token = await signIn("admin@demo.fidelio.test");
  });

  it("as bulk, plans to end the demo accounts' roles, needs the count typed (422 without it), and can be discarded", async () => {
    const bulk = rosterCsv12("bulk-demo.test");
    const { status, body } = await upload(token, bulk);
    expect(status).toBe(202);
    const planned = await jobUntilPlanned(token, body.id);
    expect(planned.status).toBe("awaiting_confirmation");
    const plan = planned.plan as any;
    const parent = (await User.byEmail("parent@demo.fidelio.test"))!;
    expect(plan.rolesEnded).toEqual(expect.arrayContaining([expect.objectContaining({ userId: parent.id, roles: ["parent"] })]));
    expect(plan.needsTypedCount).toBe(true);
    expect(plan.endingRoles).toBe(plan.rolesEnded.reduce((n: number, p: { roles: string[] }) => n + p.roles.length, 0));

    expect((await confirm(token, body.id)).status).toBe(422);
    expect((await confirm(token, body.id, { endCount: plan.endingRoles + 1 })).status).toBe(422);
    expect((await User.get(parent.id))!.roles).toEqual(["parent"]);

    const discarded = await call(`/api/admin/roster/jobs/${body.id}`, { method: "DELETE", token });
    expect(discarded.status).toBe(204);
    expect((await call(`/api/admin/roster/jobs/${body.id}`, { token })).status).toBe(404);
    expect(await queryAll({ pk: keys.rosterJob(body.id).pk })).toEqual([]);
    expect((await User.get(parent.id))!.roles).toEqual(["parent"]);
  });

  it("as delta (every file), ends nothing: the plan lists no role or link, and parent@ and teacher@ still sign in", async () => {
    const { status, body } = await upload(token, deltaSet("delta-demo.test"));
    expect(status).toBe(202);
    const planned = await jobUntilPlanned(token, body.id);
    expect(planned).toMatchObject({ status: "awaiting_confirmation", plan: { rolesEnded: [], endingRoles: 0, endingLinks: 0, needsTypedCount: false } });
    expect((planned.plan as any).modes).toMatchObject({ "users.csv": "delta", "enrollments.csv": "delta", "fidelio_roles.csv": "delta" });
    expect(await jobUntilEnd(token, body.id)).toMatchObject({ status: "done", summary: { rolesEnded: [], revoked: 0 } });

    for (const [email, role] of [
      ["parent@demo.fidelio.test", "parent"],
      ["teacher@demo.fidelio.test", "teacher"],
    ]) {
      const me = await call("/api/me", { token: await signIn(email!) });
      expect(me.status, email).toBe(200);
      expect(((await me.json()) as { roles: string[] }).roles, email).toContain(role);
    }
    // The delta's own people were imported.
    expect((await User.byEmail("t1@delta-demo.test"))?.roles).toEqual(["teacher"]);
  });

  it("as delta, a row marked tobedeleted is what ends a role", async () => {
    const set = deltaSet("delta-demo.test");
    set["users.csv"] = set["users.csv"]!.replace(/^g2,active,/m, "g2,tobedeleted,");
    // A delta names records it does not list (unchanged since): skipped with a warning, not refused.
    set["enrollments.csv"] += "e99,active,c1,s1,stu-elsewhere,student\n";
    const { status, body } = await upload(token, set);
    expect(status).toBe(202);
    const planned = await jobUntilPlanned(token, body.id);
    expect((planned.plan as any).warnings).toEqual([
      expect.objectContaining({
        file: "enrollments.csv",
        line: 8,
        field: "userSourcedId",
        code: "not_in_upload",
        params: { kind: "user", sourcedId: "stu-elsewhere" },
      }),
    ]);
    const raul = (await User.byEmail("g2@delta-demo.test"))!;
    expect((planned.plan as any).rolesEnded).toEqual([expect.objectContaining({ userId: raul.id, name: "Raul Ruiz", roles: ["parent"] })]);
    await jobUntilEnd(token, body.id);
    expect((await User.get(raul.id))!.roles).toEqual([]);
    expect(((await (await call("/api/me", { token: await signIn("parent@demo.fidelio.test") })).json()) as { roles: string[] }).roles).toContain("parent");
  });
});

describe("plan, then confirm", () => {
  const domain = "plan.test";
  let districtId: string;
  let token: string;

  beforeAll(async () => {
    const made = await newDistrict(["district_admin"], `importer@${domain}`);
    districtId = made.districtId;
    token = await signIn(made.actor.email);
  });

  it("answers 202 with the job, which stops at awaiting_confirmation with the plan; nothing is written until confirmed", async () => {
    const { status, body } = await upload(token, rosterCsv(domain));
    expect(status).toBe(202);
    const planned = await jobUntilPlanned(token, body.id);
    expect(planned).toMatchObject({ status: "awaiting_confirmation", plan: { created: 18, updated: 0, unchanged: 0, rolesEnded: [], warnings: [] } });
    expect(await queryAll(keys.sourceIdsOf(districtId))).toEqual([]);
    expect(await queryAll(keys.studentsOfDistrict(districtId))).toEqual([]);
    expect(await jobUntilEnd(token, body.id)).toMatchObject({ status: "done", summary: { created: 18 } });
    expect(await queryAll(keys.studentsOfDistrict(districtId))).toHaveLength(2);
  });

  it("answers 409 when the district changed since the plan was made, ends the job and writes nothing", async () => {
    const csvs = rosterCsv(domain);
    csvs["users.csv"] += `t9,active,s1,teacher,Nina,New,t9@${domain},,\n`;
    const { body } = await upload(token, csvs);
    expect((await jobUntilPlanned(token, body.id)).status).toBe("awaiting_confirmation");
    // Meanwhile the new teacher's email becomes another district's account.
    const other = await newDistrict(["district_admin"], `other-${Date.now()}@${domain}`);
    await newAccount(other.districtId, `t9@${domain}`, ["teacher"]);

    const refused = await confirm(token, body.id);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: "plan_outdated" });
    expect(await jobUntilPlanned(token, body.id)).toMatchObject({ status: "failed", error: { status: 409, code: "plan_outdated" } });
    expect(await queryAll(keys.rosterJobFiles(body.id))).toEqual([]);
    expect((await User.byEmail(`t9@${domain}`))?.districtId).toBe(other.districtId);
    // A job that is no longer awaiting cannot be confirmed.
    expect((await confirm(token, body.id)).status).toBe(409);
  });

  it("a confirmed plan is written as planned even when it ends roles", async () => {
    const csvs = rosterCsv(domain);
    csvs["users.csv"] = csvs["users.csv"]!.replace(/^t2,.*\n/m, "");
    csvs["enrollments.csv"] = csvs["enrollments.csv"]!.replace("e2,active,c2,s1,t2,teacher\n", "");
    const { body } = await upload(token, csvs);
    const planned = await jobUntilPlanned(token, body.id);
    const tom = (await User.byEmail(`t2@${domain}`))!;
    expect((planned.plan as any).rolesEnded).toEqual([
      {
        userId: tom.id,
        name: "Tom Math",
        roles: ["teacher"],
        links: [expect.objectContaining({ studentName: expect.stringContaining("Ana"), kind: "teacher" })],
      },
    ]);
    expect(await jobUntilEnd(token, body.id)).toMatchObject({ status: "done", summary: { rolesEndedCount: 1, revoked: 1 } });
    expect((await User.get(tom.id))!.roles).toEqual([]);
  });
});

describe("problems that need not sink an import", () => {
  it("are warnings listed by file and line: the row or link is skipped, and the rest is imported", async () => {
    const domain = "warn.test";
    const { districtId, actor } = await newDistrict(["district_admin"], `importer@${domain}`);
    const token = await signIn(actor.email);
    const csvs = rosterCsv(domain);
    csvs["users.csv"] += [
      // line 11: a teacher without an email (imported; unable to sign in until an email arrives)
      "t3,active,s1,teacher,Nora,Noemail,,,",
      // line 12: a student whose only org is the district; the enrollment names the school
      "st4,active,d1,student,Eva,Diaz,,,03",
      // line 13: a guardian link to another guardian
      `g3,active,s1,parent,Pia,Diaz,g3@${domain},g1,`,
      "",
    ].join("\n");
    csvs["enrollments.csv"] += [
      // line 8: the student's enrollment naming school s1
      "e8,active,c1,s1,st4,student",
      // line 9: a teacher enrolled as a student
      "e9,active,c2,s1,t1,student",
      "",
    ].join("\n");
    const { status, body } = await upload(token, csvs);
    expect(status).toBe(202);
    const planned = await jobUntilPlanned(token, body.id);
    expect((planned.plan as any).warnings.map((w: any) => [w.file, w.line, w.field, w.code])).toEqual([
      ["enrollments.csv", 9, "role", "enrollment_role_skipped"],
      ["users.csv", 11, "email", "no_email_cannot_sign_in"],
      ["users.csv", 12, "orgSourcedIds", "school_from_enrollment"],
      ["users.csv", 13, "agentSourcedIds", "student_link_skipped"],
    ]);
    expect(await jobUntilEnd(token, body.id)).toMatchObject({ status: "done" });
    const students = await queryAll<StudentInfo>(keys.studentsOfDistrict(districtId));
    const eva = students.find((s) => s.sourcedId === "st4")!;
    expect(eva).toMatchObject({ schoolName: "Lincoln Elementary" });
    expect((await Student.load(eva.id))!.relationships.map((r) => r.userName)).toEqual(["Tina Reading"]);
    expect(await User.byEmail(`g3@${domain}`)).toMatchObject({ roles: ["parent"] });
    const tina = (await User.byEmail(`t1@${domain}`))!;
    expect(tina.roles).toEqual(["teacher"]);
  });
});
