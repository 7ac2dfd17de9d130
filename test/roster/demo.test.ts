import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@fidelio/core/actor";
import { District } from "@fidelio/core/district";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { Student, type Relationship, type StudentInfo } from "@fidelio/core/student";
import { User, type SignInUser, type UserInfo } from "@fidelio/core/user";
import { demoAccounts, demoDistrictId, seedDemoDistrict } from "@fidelio/local/demo/seed";
import { writesDuring } from "./fixture";

const account = async (local: string) => (await User.byEmail(`${local}@demo.fidelio.test`))!;
const actorOf = (user: SignInUser): UserActor => User.toActor(user);
const linksOf = (user: UserInfo) => queryAll<Relationship>(keys.studentsOfUser(user.id));

describe("demo district", () => {
  let seeded: Awaited<ReturnType<typeof seedDemoDistrict>>;
  beforeAll(async () => {
    seeded = await seedDemoDistrict();
  });

  it("is created once, with its fixed id, name and 2026-27 calendar", async () => {
    expect(seeded).toEqual({ districtId: demoDistrictId, created: true });
    expect(demoDistrictId).toMatch(/^dis_[0-9a-z]{26}$/);
    const district = (await District.load(demoDistrictId))!;
    expect(district).toMatchObject({
      name: "Riverbend Unified School District",
      deadlines: { teacher: 3, case_manager: 5, director: 10 },
      fidelityGraceDays: 2,
    });
    expect(district.calendar).toMatchObject({ firstDay: "2026-08-19", lastDay: "2027-06-04" });
    expect(district.calendar.closures.map((c) => c.name)).toContain("Thanksgiving break");
  });

  it("has every demo account, in the district, with its role", async () => {
    expect(demoAccounts.map((a) => a.email.split("@")[0])).toEqual([
      "admin",
      "director",
      "casemanager",
      "teacher",
      "teacher2",
      "parent",
      "parent2",
      "advocate",
    ]);
    for (const demo of demoAccounts) {
      const user = await User.byEmail(demo.email);
      expect(user, demo.email).toMatchObject({ districtId: demoDistrictId, name: demo.name });
      expect(user!.roles, demo.email).toContain(demo.role);
    }
  });

  it("gives each demo parent exactly one child, served by teacher@ and teacher2@ respectively", async () => {
    const [parent, parent2, teacher, teacher2, caseManager] = await Promise.all(["parent", "parent2", "teacher", "teacher2", "casemanager"].map(account));
    const [child, ...moreChildren] = await linksOf(parent!);
    const [child2, ...moreChildren2] = await linksOf(parent2!);
    expect(moreChildren).toEqual([]);
    expect(moreChildren2).toEqual([]);
    expect(child).toMatchObject({ kind: "guardian", student: { schoolName: "Riverbend Elementary" } });
    expect(child2!.studentId).not.toBe(child!.studentId);

    const served = (await linksOf(teacher!)).map((r) => r.studentId);
    const served2 = (await linksOf(teacher2!)).map((r) => r.studentId);
    expect(served).toContain(child!.studentId);
    expect(served).not.toContain(child2!.studentId);
    expect(served2).toContain(child2!.studentId);
    expect(served2).not.toContain(child!.studentId);
    const caseload = await linksOf(caseManager!);
    expect(caseload.find((r) => r.studentId === child!.studentId)?.kind).toBe("case_manager");

    // The links are what access follows: teacher@ may open parent@'s child and not parent2@'s.
    await expect(Student.get(actorOf(teacher!), { id: child!.studentId })).resolves.toMatchObject({ relationship: "teacher" });
    await expect(Student.get(actorOf(teacher!), { id: child2!.studentId })).rejects.toMatchObject({ status: 404 });
  });

  it("holds about thirty students in two schools, each with guardians, teachers and a realistic IEP", async () => {
    const students = await queryAll<StudentInfo>(keys.studentsOfDistrict(demoDistrictId));
    expect(students.length).toBeGreaterThanOrEqual(28);
    expect(new Set(students.map((s) => s.schoolName))).toEqual(new Set(["Riverbend Elementary", "Riverbend Middle"]));
    const records = await Promise.all(students.map((s) => Student.load(s.id)));
    for (const record of records) {
      const kinds = record!.relationships.map((r) => r.kind);
      expect(kinds).toContain("guardian");
      expect(kinds).toContain("teacher");
      expect(kinds).toContain("case_manager");
      const [iep] = record!.ieps;
      expect(iep!.accommodations.length).toBeGreaterThan(0);
      expect(iep!.services.length).toBeGreaterThan(0);
      expect(iep!.goals.every((g) => g.area.length > 0)).toBe(true);
    }
    const ieps = records.flatMap((r) => r!.ieps);
    const services = ieps.flatMap((i) => i.services);
    expect(services).toContainEqual(
      expect.objectContaining({ name: "Specialized reading instruction", minutesPerWeek: 120, providerRole: "Special education teacher" }),
    );
    expect(services).toContainEqual(expect.objectContaining({ name: "Speech-language therapy", minutesPerWeek: 60 }));
    expect(services).toContainEqual(expect.objectContaining({ name: "Occupational therapy", minutesPerWeek: 30 }));
    expect(ieps.some((i) => i.modifications.length > 0)).toBe(true);
    // The calculator is for math only: a middle-school English teacher's list leaves it out.
    const limited = records.flatMap((r) => r!.relationships).filter((r) => r.accommodationIds);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((r) => !r.accommodationIds!.includes("acc-calculator"))).toBe(true);
  });

  it("a second seed changes nothing and writes nothing", async () => {
    let again: Awaited<ReturnType<typeof seedDemoDistrict>> | undefined;
    const writes = await writesDuring(async () => {
      again = await seedDemoDistrict();
    });
    expect(again).toEqual({ districtId: demoDistrictId, created: false });
    expect(writes).toEqual([]);
  });
});
