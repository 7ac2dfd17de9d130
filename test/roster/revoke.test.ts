import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@fidelio/core/actor";
import { Audit } from "@fidelio/core/audit";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { Student, type StudentInfo } from "@fidelio/core/student";
import { User } from "@fidelio/core/user";
import { newDistrict, rosterCsv, toFiles } from "./fixture";

const actorOf = async (email: string): Promise<UserActor> => {
  const user = (await User.byEmail(email))!;
  return User.toActor(user);
};

/** Access follows the roster: a link the roster stops listing ends, and with it the access. */
describe("roster re-import and ended relationships", () => {
  let admin: UserActor;
  let ana: StudentInfo;

  beforeAll(async () => {
    const district = await newDistrict();
    admin = district.actor;
    await RosterRunner.importFiles(admin, toFiles(rosterCsv("revoke.test")));
    ana = (await queryAll<StudentInfo>(keys.studentsOfDistrict(district.districtId))).find((s) => s.firstName === "Ana")!;
  });

  it("keeps a case manager's link when the import comes without the caseload file", async () => {
    const csvs = rosterCsv("revoke.test");
    delete csvs["fidelio_caseload.csv"];
    const result = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(result.revoked).toBe(0);
    const cm = await actorOf("cm@revoke.test");
    expect((await Student.load(ana.id))!.relationships.find((r) => r.userId === cm.userId)?.kind).toBe("case_manager");
  });

  it("ends a teacher's access when the teacher no longer shares a class with the student", async () => {
    const tom = await actorOf("t2@revoke.test");
    expect((await Student.get(tom, { id: ana.id })).relationship).toBe("teacher");

    const csvs = rosterCsv("revoke.test");
    csvs["enrollments.csv"] = csvs["enrollments.csv"]!.replace("e4,active,c2,s1,st1,student\n", "");
    const result = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(result.revoked).toBe(1);
    await expect(Student.get(tom, { id: ana.id })).rejects.toMatchObject({ status: 404 });
    const trail = await Audit.page(ana.id);
    expect(trail.items.find((e) => e.action === "roster.import")).toMatchObject({ record: "relationships" });
    // The student's record and the other links are untouched.
    const tina = await actorOf("t1@revoke.test");
    expect((await Student.get(tina, { id: ana.id })).student.name).toBe("Ana Lopez");
  });

  it("ends a guardian's access when the roster no longer links them", async () => {
    const gloria = await actorOf("g1@revoke.test");
    expect((await Student.get(gloria, { id: ana.id })).relationship).toBe("parent");
    const csvs = rosterCsv("revoke.test");
    csvs["enrollments.csv"] = csvs["enrollments.csv"]!.replace("e4,active,c2,s1,st1,student\n", "");
    csvs["users.csv"] = csvs["users.csv"]!.replace(`st1,active,s1,student,Ana,Lopez,,g1,`, `st1,active,s1,student,Ana,Lopez,,,`);
    const result = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(result.revoked).toBe(1);
    await expect(Student.get(gloria, { id: ana.id })).rejects.toMatchObject({ status: 404 });
    expect(await User.get(gloria.userId)).toBeDefined();
  });
});
