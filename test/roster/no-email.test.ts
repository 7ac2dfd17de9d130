import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@fidelio/core/actor";
import { keys, getItem, queryAll } from "@fidelio/core/dynamo";
import { zonedInstant } from "@fidelio/core/calendar";
import { isoWeekOf, remindDistrict, weekDays } from "@fidelio/core/fidelity";
import { Iep } from "@fidelio/core/iep";
import { IepEdit } from "@fidelio/core/iep/edit";
import { Student, type StudentInfo } from "@fidelio/core/student";
import { User, userItem } from "@fidelio/core/user";
import { call, signIn } from "../support/api";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { jobUntilEnd, jobUntilPlanned, newDistrict, rosterCsv } from "./fixture";

// Business time for this file: the IEP notice and the reminders depend on the date.
pinClock(ordinarySchoolDay);

const upload = async (token: string, csvs: Record<string, string>) => {
  const form = new FormData();
  for (const [name, text] of Object.entries(csvs)) form.append("files", new File([text], name, { type: "text/csv" }));
  const response = await call("/api/admin/roster", { method: "POST", token, form });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

/** The fixture roster with Tom Math (a teacher, line 3) and Gloria Lopez (a guardian, line 8) given no email. */
function withoutEmails(domain: string) {
  const csvs = rosterCsv(domain);
  csvs["users.csv"] = csvs["users.csv"]!.replace(`t2@${domain}`, "").replace(`G1@${domain.toUpperCase()}`, "");
  return csvs;
}

/** Staff and guardians the roster lists without an email are imported, and cannot sign in until an email arrives. */
describe("a roster that gives a teacher and a guardian no email", () => {
  const domain = "noemail.test";
  let districtId: string;
  let admin: UserActor;
  let token: string;
  const bySourced = async (sourcedId: string) => {
    const source = await getItem<{ id: string }>(keys.sourceId(districtId, "user", sourcedId));
    return source && (await getItem(userItem, keys.user(source.id)));
  };

  beforeAll(async () => {
    ({ districtId, actor: admin } = await newDistrict(["district_admin"], `importer@${domain}`));
    token = await signIn(admin.email);
  });

  it("imports them with their links, lists them in the plan's warnings and as unable to sign in, and nothing crashes on the missing address", async () => {
    const { status, body } = await upload(token, withoutEmails(domain));
    expect(status).toBe(202);
    const planned = await jobUntilPlanned(token, body.id);
    expect(planned.status).toBe("awaiting_confirmation");
    expect((planned.plan as any).warnings.map((w: any) => [w.file, w.line, w.field, w.code, w.params])).toEqual([
      ["users.csv", 3, "email", "no_email_cannot_sign_in", { name: "Tom Math" }],
      ["users.csv", 8, "email", "no_email_cannot_sign_in", { name: "Gloria Lopez" }],
    ]);
    expect(await jobUntilEnd(token, body.id)).toMatchObject({ status: "done" });

    const tom = (await bySourced("t2"))!;
    const gloria = (await bySourced("g1"))!;
    expect(tom).toMatchObject({ name: "Tom Math", roles: ["teacher"] });
    expect(tom.email).toBeUndefined();
    expect(gloria).toMatchObject({ name: "Gloria Lopez", roles: ["parent"] });
    expect(gloria.email).toBeUndefined();
    const ana = (await queryAll<StudentInfo>(keys.studentsOfDistrict(districtId))).find((s) => s.firstName === "Ana")!;
    const record = (await Student.load(ana.id))!;
    expect(
      record.relationships
        .filter((r) => r.userId === tom.id || r.userId === gloria.id)
        .map((r) => r.kind)
        .sort(),
    ).toEqual(["guardian", "teacher"]);

    const listed = await call("/api/admin/roster/without-email", { token });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({
      items: [
        { userId: gloria.id, name: "Gloria Lopez", roles: ["parent"], sourcedId: "g1" },
        { userId: tom.id, name: "Tom Math", roles: ["teacher"], sourcedId: "t2" },
      ],
    });

    // An IEP amendment that changes Tom's duties (the calculator applies in his math class) notifies him on his home; no email, no crash.
    const caseManager = User.toActor((await User.byEmail(`cm@${domain}`))!);
    const latest = Iep.latest(record.ieps)!;
    const { studentId: _s, version, createdAt: _c, createdBy: _b, ...content } = latest;
    const amended = await IepEdit.record(caseManager, {
      studentId: ana.id,
      version,
      ...content,
      accommodations: content.accommodations.map((a) => (a.id === "a-calc" ? { ...a, text: "Calculator for every computation" } : a)),
    });
    expect(amended.notified.map((n) => n.userId)).toContain(tom.id);
    expect(await getItem(keys.iepNotice(tom.id, ana.id))).toMatchObject({ version: amended.version });
    // The weekly reminders (Friday afternoon) pass over a teacher with no address and reach the others.
    const friday = weekDays(isoWeekOf(ordinarySchoolDay.slice(0, 10)))[4]!;
    const reminded = await remindDistrict(districtId, zonedInstant(friday, "16:00:00", "America/Los_Angeles"));
    expect(reminded.teachers).toBeGreaterThan(0);
  });

  it("a later import that gives the emails lets them sign in", async () => {
    const { body } = await upload(token, rosterCsv(domain));
    const planned = await jobUntilPlanned(token, body.id);
    expect((planned.plan as any).warnings).toEqual([]);
    expect(await jobUntilEnd(token, body.id)).toMatchObject({ status: "done" });
    const tom = (await bySourced("t2"))!;
    expect(tom.email).toBe(`t2@${domain}`);
    expect((await User.byEmail(`g1@${domain}`))?.name).toBe("Gloria Lopez");
    const teacherToken = await signIn(`t2@${domain}`);
    expect(((await (await call("/api/me", { token: teacherToken })).json()) as { user: { id: string } }).user.id).toBe(tom.id);
    expect(await (await call("/api/admin/roster/without-email", { token })).json()).toEqual({ items: [] });
  });
});
