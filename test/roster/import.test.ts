import { beforeAll, describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import type { UserActor } from "@fidelio/core/actor";
import { Audit } from "@fidelio/core/audit";
import { getItem, keys, putItem, queryAll } from "@fidelio/core/dynamo";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { Student, type StudentInfo } from "@fidelio/core/student";
import { User } from "@fidelio/core/user";
import { newDistrict, rosterCsv, snapshot, toFiles, writesDuring } from "./fixture";

const studentsOf = (districtId: string) => queryAll<StudentInfo>(keys.studentsOfDistrict(districtId));
const actorOf = async (email: string): Promise<UserActor> => {
  const user = (await User.byEmail(email))!;
  return User.toActor(user);
};

describe("roster import", () => {
  let districtId: string;
  let admin: UserActor;
  let first: Awaited<ReturnType<typeof RosterRunner.importFiles>>;

  beforeAll(async () => {
    ({ districtId, actor: admin } = await newDistrict());
    first = await RosterRunner.importFiles(admin, toFiles(rosterCsv()));
  });

  it("creates schools, people, students, links and IEPs, and counts them", () => {
    expect(first.byKind).toEqual({
      school: { created: 2, updated: 0, unchanged: 0 },
      user: { created: 6, updated: 0, unchanged: 0 },
      student: { created: 2, updated: 0, unchanged: 0 },
      relationship: { created: 6, updated: 0, unchanged: 0 },
      iep: { created: 2, updated: 0, unchanged: 0 },
    });
    expect(first).toMatchObject({ created: 18, updated: 0, unchanged: 0, skipped: 1 });
  });

  it("maps OneRoster users to students and accounts with the right roles", async () => {
    const students = await studentsOf(districtId);
    expect(students.map((s) => [s.firstName, s.lastName, s.grade, s.schoolName, s.sourcedId])).toEqual([
      ["Ana", "Lopez", "03", "Lincoln Elementary", "st1"],
      ["Ben", "Ruiz", "03", "Lincoln Elementary", "st2"],
    ]);
    expect((await User.byEmail("g1@lincoln.test"))?.roles).toEqual(["parent"]);
    expect((await User.byEmail("cm@lincoln.test"))?.roles).toEqual(["case_manager", "teacher"]);
    expect((await User.byEmail("dir@lincoln.test"))?.roles).toEqual(["director"]);
    expect(await User.byEmail("t1@lincoln.test")).toMatchObject({ districtId, roles: ["teacher"], name: "Tina Reading", sourcedId: "t1" });
  });

  it("links guardians both ways, teachers by shared classes with the accommodations of their classes, and the case manager", async () => {
    const [ana, ben] = await studentsOf(districtId);
    const anaRecord = (await Student.load(ana!.id))!;
    const rel = (email: string) => User.byEmail(email).then((u) => anaRecord.relationships.find((r) => r.userId === u!.id));
    expect(await rel("g1@lincoln.test")).toMatchObject({ kind: "guardian", userName: "Gloria Lopez", student: { name: "Ana Lopez" } });
    expect(await rel("cm@lincoln.test")).toMatchObject({ kind: "case_manager" });
    const reading = await rel("t1@lincoln.test");
    expect(reading).toMatchObject({ kind: "teacher", classes: [{ id: "c1", title: "Grade 3 Reading" }], accommodationIds: ["a-time"] });
    const math = await rel("t2@lincoln.test");
    expect(math).toMatchObject({ kind: "teacher", classes: [{ id: "c2", title: "Grade 3 Math" }] });
    expect(math).not.toHaveProperty("accommodationIds");
    expect(anaRecord.relationships).toHaveLength(4);

    const benRecord = (await Student.load(ben!.id))!;
    const raul = await User.byEmail("g2@lincoln.test");
    expect(benRecord.relationships.map((r) => [r.userName, r.kind]).sort()).toEqual([
      ["Raul Ruiz", "guardian"],
      ["Tina Reading", "teacher"],
    ]);
    expect(raul?.roles).toEqual(["parent"]);
  });

  it("stores the IEP snapshot, which the service team then sees", async () => {
    const [ana] = await studentsOf(districtId);
    const record = (await Student.load(ana!.id))!;
    expect(record.ieps).toHaveLength(1);
    expect(record.ieps[0]).toMatchObject({
      version: 1,
      effectiveFrom: "2026-09-01",
      createdBy: admin.userId,
      accommodations: [
        { id: "a-time", text: "Extended time on tests" },
        { id: "a-calc", text: "Calculator for computation" },
      ],
      modifications: [{ id: "m-items", text: "Reduced number of items" }],
      services: [{ id: "s-read", name: "Specialized reading instruction", minutesPerWeek: 120, providerRole: "Special education teacher" }],
      goals: [{ id: "g-read", area: "Reading", text: "Reads 90 words correct per minute, 4 of 5 probes" }],
    });
    const seen = await Student.get(await actorOf("t1@lincoln.test"), { id: ana!.id });
    expect(seen.iep?.services[0]?.minutesPerWeek).toBe(120);
    expect(seen.relationship).toBe("teacher");
  });

  it("audits one roster.import entry per student it created", async () => {
    for (const student of await studentsOf(districtId)) {
      const trail = await Audit.page(student.id);
      expect(trail.items.filter((entry) => entry.action === "roster.import")).toEqual([
        expect.objectContaining({ action: "roster.import", record: "student,relationships,iep:v1", actorId: admin.userId, reason: "roster_import" }),
      ]);
    }
  });

  it("re-importing the same files (zipped, in a folder) changes nothing and writes nothing", async () => {
    const before = await snapshot(districtId);
    const zip = zipSync(Object.fromEntries(Object.entries(rosterCsv()).map(([name, text]) => [`export-2026/${name}`, strToU8(text)])));
    let again: Awaited<ReturnType<typeof RosterRunner.importFiles>> | undefined;
    const writes = await writesDuring(async () => {
      again = await RosterRunner.importFiles(admin, [{ name: "roster.zip", bytes: zip }]);
    });
    expect(writes).toEqual([]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 18, skipped: 1 });
    expect(await snapshot(districtId)).toEqual(before);
  });

  it("keeps roles a person already had and adds those the roster gives", async () => {
    const t1 = (await User.byEmail("t1@lincoln.test"))!;
    await putItem(User.toItems({ ...t1, roles: ["advocate", "teacher"] }).user);
    const result = await RosterRunner.importFiles(admin, toFiles(rosterCsv()));
    expect(result.byKind.user).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect((await User.get(t1.id))?.roles).toEqual(["advocate", "teacher"]);
  });

  it("an amended IEP row makes a new version and keeps the old one", async () => {
    const csvs = rosterCsv();
    csvs["fidelio_iep_items.csv"] = csvs["fidelio_iep_items.csv"]!.replace(/^st1,2026-09-01,/gm, "st1,2026-10-15,").replace(
      "Specialized reading instruction,120,",
      "Specialized reading instruction,150,",
    );
    const result = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(result.byKind.iep).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(result.byKind.student).toEqual({ created: 0, updated: 0, unchanged: 2 });

    const [ana] = await studentsOf(districtId);
    const { ieps } = (await Student.load(ana!.id))!;
    expect(ieps.map((iep) => [iep.version, iep.effectiveFrom, iep.services[0]?.minutesPerWeek])).toEqual([
      [1, "2026-09-01", 120],
      [2, "2026-10-15", 150],
    ]);
    const trail = await Audit.page(ana!.id);
    expect(trail.items[0]).toMatchObject({ action: "roster.import", record: "iep:v2" });
  });

  it("a zip and the same files uploaded one by one import the same district", async () => {
    const other = await newDistrict();
    const zip = zipSync(Object.fromEntries(Object.entries(rosterCsv("zip.test")).map(([name, text]) => [`oneroster/${name}`, strToU8(text)])));
    const fromZip = await RosterRunner.importFiles(other.actor, [{ name: "ONEROSTER.ZIP", bytes: zip }]);
    expect(fromZip).toEqual({ ...first, byKind: first.byKind });
    const shape = async (id: string) =>
      Promise.all(
        (await studentsOf(id)).map(async (s) => {
          const record = (await Student.load(s.id))!;
          const rels = record.relationships.map((r) => [r.userName, r.kind, r.classes ?? [], r.accommodationIds ?? "all"]);
          return [s.firstName, s.grade, s.schoolName, rels.sort(), record.ieps.map((i) => i.accommodations)];
        }),
      );
    const fresh = await newDistrict();
    await RosterRunner.importFiles(fresh.actor, toFiles(rosterCsv("files.test")));
    expect(await shape(other.districtId)).toEqual(await shape(fresh.districtId));
  });

  it("adopts the district's own account whose email the roster lists, instead of rejecting it", async () => {
    const { districtId: id, actor } = await newDistrict(["district_admin"], "boss@adopt.test");
    const csvs = rosterCsv("adopt.test");
    csvs["users.csv"] += "adm,active,d1,administrator,Bea,Boss,boss@adopt.test,,\n";
    csvs["fidelio_roles.csv"] += "adm,district_admin\n";
    const result = await RosterRunner.importFiles(actor, toFiles(csvs));
    expect(result.byKind.user).toEqual({ created: 6, updated: 1, unchanged: 0 });
    expect(await User.get(actor.userId)).toMatchObject({ name: "Bea Boss", roles: ["district_admin"], sourcedId: "adm", districtId: id });
  });

  it("moves a person to a new email, releasing the old one, and never deletes a record marked tobedeleted", async () => {
    const t2 = (await User.byEmail("t2@lincoln.test"))!;
    const csvs = rosterCsv();
    csvs["users.csv"] = csvs["users.csv"]!.replace("t2@lincoln.test", "tom.math@lincoln.test").replace("st2,active,", "st2,tobedeleted,");
    const result = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(result).toMatchObject({ skipped: 2, created: 0 });
    expect(result.byKind.user).toEqual({ created: 0, updated: 1, unchanged: 5 });
    expect((await User.byEmail("tom.math@lincoln.test"))?.id).toBe(t2.id);
    expect(await getItem(keys.email("t2@lincoln.test"))).toBeUndefined();
    expect((await studentsOf(districtId)).map((s) => s.firstName)).toEqual(["Ana", "Ben"]);
  });

  it("refuses anyone but a district administrator with 403, before reading the files", async () => {
    const teacher = await actorOf("t1@lincoln.test");
    await expect(RosterRunner.importFiles(teacher, toFiles(rosterCsv()))).rejects.toMatchObject({ status: 403 });
    const director = await actorOf("dir@lincoln.test");
    await expect(RosterRunner.importFiles(director, [])).rejects.toMatchObject({ status: 403 });
  });

  it("leaves no source map entries pointing at missing items", async () => {
    const map = await queryAll<{ kind: string; id: string }>(keys.sourceIdsOf(districtId));
    expect(map.map((m) => m.kind).sort()).toEqual(["district", "school", "school", "student", "student", ...Array(6).fill("user")]);
    for (const entry of map.filter((m) => m.kind === "user")) expect(await getItem(keys.user(entry.id))).toBeDefined();
  });
});
