import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@fidelio/core/actor";
import { putItem } from "@fidelio/core/dynamo";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { User } from "@fidelio/core/user";
import { newAccount, newDistrict, rosterCsv, toFiles } from "./fixture";

const rolesOf = async (email: string) => (await User.byEmail(email))?.roles;

/** A role the roster no longer grants ends; roles it never granted stay. */
describe("roles the roster no longer grants", () => {
  const domain = "roles.test";
  let districtId: string;
  let admin: UserActor;

  beforeAll(async () => {
    ({ districtId, actor: admin } = await newDistrict(["district_admin"], `importer@${domain}`));
    await RosterRunner.importFiles(admin, toFiles(rosterCsv(domain)));
  });

  it("ends the director role of a person marked tobedeleted and dropped from the roles file, and says so", async () => {
    const director = (await User.byEmail(`dir@${domain}`))!;
    expect(director.roles).toEqual(["director"]);
    const csvs = rosterCsv(domain);
    csvs["users.csv"] = csvs["users.csv"]!.replace("a1,active,", "a1,tobedeleted,");
    csvs["fidelio_roles.csv"] = csvs["fidelio_roles.csv"]!.replace("a1,director\n", "");
    const result = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(await rolesOf(`dir@${domain}`)).toEqual([]);
    expect(result.rolesEnded).toEqual([{ userId: director.id, name: "Dora Director", roles: ["director"] }]);
    expect(result.rolesEndedCount).toBe(1);
  });

  it("ends a case manager role dropped from the roles file, keeping the teacher role the enrollments still give", async () => {
    const csvs = rosterCsv(domain);
    csvs["fidelio_roles.csv"] = "userSourcedId,role\n";
    csvs["fidelio_caseload.csv"] = "studentSourcedId,caseManagerSourcedId\n";
    csvs["enrollments.csv"] += "e7,active,c2,s1,cm1,teacher\n";
    const result = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(await rolesOf(`cm@${domain}`)).toEqual(["teacher"]);
    expect(result.rolesEnded.map((r) => r.roles)).toEqual([["case_manager"]]);
  });

  it("without the roles file an import speaks only for teacher and parent: Fidelio roles stay", async () => {
    const csvs = rosterCsv(domain);
    await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(await rolesOf(`cm@${domain}`)).toEqual(["teacher", "case_manager"]);
    delete csvs["fidelio_roles.csv"];
    delete csvs["fidelio_caseload.csv"];
    csvs["users.csv"] = csvs["users.csv"]!.replace(/^t2,.*\n/m, "");
    csvs["enrollments.csv"] = csvs["enrollments.csv"]!.replace("e2,active,c2,s1,t2,teacher\n", "");
    const result = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(await rolesOf(`cm@${domain}`)).toEqual(["teacher", "case_manager"]);
    // Tom is no longer in users.csv at all: the teacher role the roster gave him ends with his classes.
    expect(await rolesOf(`t2@${domain}`)).toEqual([]);
    expect(result.rolesEnded.map((r) => [r.name, r.roles])).toEqual([["Tom Math", ["teacher"]]]);
  });

  it("never takes a role the roster did not grant: a hand-made district admin it does not mention keeps admin", async () => {
    const other = await newAccount(districtId, `other-admin@${domain}`, ["district_admin"]);
    const csvs = rosterCsv(domain);
    await RosterRunner.importFiles(admin, toFiles(csvs));
    expect((await User.get(other.userId))?.roles).toEqual(["district_admin"]);
    // An advocate role added by hand to a rostered teacher stays too.
    const tina = (await User.byEmail(`t1@${domain}`))!;
    await putItem(User.toItems({ ...tina, roles: [...tina.roles, "advocate"] }).user);
    await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(await rolesOf(`t1@${domain}`)).toEqual(["teacher", "advocate"]);
  });

  it("keeps the importing administrator's admin role unless users.csv marks them tobedeleted", async () => {
    const { actor: boss } = await newDistrict(["district_admin"], "boss@self.test");
    const csvs = rosterCsv("self.test");
    csvs["users.csv"] += "adm,active,d1,administrator,Bea,Boss,boss@self.test,,\n";
    csvs["fidelio_roles.csv"] += "adm,district_admin\nadm,advocate\n";
    await RosterRunner.importFiles(boss, toFiles(csvs));
    expect((await User.get(boss.userId))?.roles).toEqual(["district_admin", "advocate"]);

    // Dropped from the roles file: the advocate role the roster gave ends; district_admin was hers before the roster.
    csvs["fidelio_roles.csv"] = csvs["fidelio_roles.csv"]!.replace("adm,district_admin\nadm,advocate\n", "");
    const dropped = await RosterRunner.importFiles(boss, toFiles(csvs));
    expect((await User.get(boss.userId))?.roles).toEqual(["district_admin"]);
    expect(dropped.rolesEnded.map((r) => r.roles)).toEqual([["advocate"]]);
  });

  it("ends a roster-granted admin role of the importer only when users.csv marks them tobedeleted", async () => {
    const { actor: first } = await newDistrict(["district_admin"], "first@granted.test");
    const csvs = rosterCsv("granted.test");
    csvs["users.csv"] += "adm2,active,d1,administrator,Al,Second,second@granted.test,,\n";
    csvs["fidelio_roles.csv"] += "adm2,district_admin\n";
    await RosterRunner.importFiles(first, toFiles(csvs));
    const second = (await User.byEmail("second@granted.test"))!;
    const asSecond = User.toActor(second);

    csvs["fidelio_roles.csv"] = csvs["fidelio_roles.csv"]!.replace("adm2,district_admin\n", "");
    await RosterRunner.importFiles(asSecond, toFiles(csvs));
    expect((await User.get(second.id))?.roles).toEqual(["district_admin"]);

    csvs["users.csv"] = csvs["users.csv"]!.replace("adm2,active,", "adm2,tobedeleted,");
    const result = await RosterRunner.importFiles(asSecond, toFiles(csvs));
    expect((await User.get(second.id))?.roles).toEqual([]);
    expect(result.rolesEnded).toEqual([{ userId: second.id, name: "Al Second", roles: ["district_admin"] }]);
  });
});
