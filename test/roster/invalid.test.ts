import { describe, expect, it } from "vitest";
import type { UserActor } from "@fidelio/core/actor";
import { getItem, keys, queryAll } from "@fidelio/core/dynamo";
import { VisibleError } from "@fidelio/core/error";
import type { RosterProblem } from "@fidelio/core/roster";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { newAccount, newDistrict, rosterCsv, toFiles } from "./fixture";

/** Runs the import expecting a 400 and returns its problems as {file, line, field} (messages checked separately). */
async function problemsOf(actor: UserActor, csvs: Record<string, string>) {
  const error = await RosterRunner.importFiles(actor, toFiles(csvs)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VisibleError);
  const visible = error as VisibleError;
  expect(visible.status).toBe(400);
  expect(visible.code).toBe("invalid_roster");
  const problems = visible.details as RosterProblem[];
  expect(visible.message).toBe(`${problems.length} problem${problems.length === 1 ? "" : "s"} found; nothing was imported`);
  return problems;
}

const where = (problems: RosterProblem[]) => problems.map(({ file, line, field }) => ({ file, line, field }));

/** Nothing of the district reached the table: no students, no schools, no source map, no accounts. */
async function expectNothingWritten(districtId: string) {
  expect(await queryAll(keys.studentsOfDistrict(districtId))).toEqual([]);
  expect(await queryAll(keys.sourceIdsOf(districtId))).toEqual([]);
  expect(await queryAll(keys.schoolsOf(districtId))).toEqual([]);
  expect(await getItem(keys.email("t1@lincoln.test"))).toBeUndefined();
}

describe("roster validation", () => {
  it("reports every problem with file, line and field, and writes nothing", async () => {
    const { districtId, actor } = await newDistrict();
    const csvs = rosterCsv();
    csvs["classes.csv"] = "sourcedId,status,schoolSourcedId\nc1,active,s1\nc2,active,s1\n";
    csvs["users.csv"] = csvs["users.csv"]!.replace("t2@lincoln.test", "not-an-email")
      .replace(",g1,", ',"g1 ,g9",')
      .concat("g2,active,s1,guardian,Rafael,Ruiz,rafael@lincoln.test,,\n");
    csvs["fidelio_iep_items.csv"] += "st2,2026-09-15,service,s-speech,Speech therapy,ninety,Speech-language pathologist,,\n";
    csvs["fidelio_iep_items.csv"] += "st2,2026-09-15,service,s-ot,Occupational therapy,1.5,Occupational therapist,,\n";

    const problems = await problemsOf(actor, csvs);
    expect(where(problems)).toEqual([
      { file: "classes.csv", line: 1, field: "title" },
      { file: "fidelio_iep_items.csv", line: 8, field: "minutesPerWeek" },
      { file: "fidelio_iep_items.csv", line: 9, field: "minutesPerWeek" },
      { file: "users.csv", line: 3, field: "email" },
      { file: "users.csv", line: 6, field: "agentSourcedIds" },
      { file: "users.csv", line: 11, field: "sourcedId" },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "Missing column",
      "Whole minutes per week, e.g. 60",
      "Whole minutes",
      "Not a valid email address",
      "Unknown sourcedId g9",
      "Duplicate sourcedId g2",
    ]);
    await expectNothingWritten(districtId);
  });

  it("names missing files, unknown files, bad enums, bad dates and references in Fidelio's files", async () => {
    const { districtId, actor } = await newDistrict();
    const csvs = rosterCsv();
    delete csvs["enrollments.csv"];
    csvs["notes.csv"] = "a,b\n1,2\n";
    csvs["orgs.csv"] += "s3,active,2026-08-01,Annex,campus,,d1\n";
    csvs["users.csv"] += "x1,retired,s1,teacher,Xavier,Ex,x1@lincoln.test,,\n";
    csvs["fidelio_roles.csv"] += "t1,superintendent\nst1,director\nzz,advocate\n";
    csvs["fidelio_caseload.csv"] += "st2,t1\nt2,cm1\n";
    csvs["fidelio_iep_items.csv"] += [
      "st2,2026-02-30,accommodation,a-x,Fewer problems,,,,",
      "st2,2026-09-15,service,s-y,Counseling,30,,,",
      "st2,2026-09-15,goal,g-y,Reads more,,,,",
      "st2,2026-09-15,modification,m-y,Shorter tests,,,,c2",
      "st2,2026-09-15,accommodation,a-seat,Seating again,,,,c9",
      "nobody,2026-09-15,accomodation,a-z,Typo,,,,",
      "",
    ].join("\n");

    expect(where(await problemsOf(actor, csvs))).toEqual([
      { file: "enrollments.csv", line: 0, field: "" },
      { file: "fidelio_caseload.csv", line: 3, field: "caseManagerSourcedId" },
      { file: "fidelio_caseload.csv", line: 4, field: "studentSourcedId" },
      { file: "fidelio_iep_items.csv", line: 8, field: "effectiveFrom" },
      { file: "fidelio_iep_items.csv", line: 8, field: "effectiveFrom" },
      { file: "fidelio_iep_items.csv", line: 9, field: "providerRole" },
      { file: "fidelio_iep_items.csv", line: 10, field: "area" },
      { file: "fidelio_iep_items.csv", line: 11, field: "classSourcedIds" },
      { file: "fidelio_iep_items.csv", line: 12, field: "classSourcedIds" },
      { file: "fidelio_iep_items.csv", line: 12, field: "itemId" },
      { file: "fidelio_iep_items.csv", line: 13, field: "studentSourcedId" },
      { file: "fidelio_iep_items.csv", line: 13, field: "itemType" },
      { file: "fidelio_roles.csv", line: 4, field: "role" },
      { file: "fidelio_roles.csv", line: 5, field: "userSourcedId" },
      { file: "fidelio_roles.csv", line: 6, field: "userSourcedId" },
      { file: "notes.csv", line: 0, field: "" },
      { file: "orgs.csv", line: 5, field: "type" },
      { file: "users.csv", line: 11, field: "status" },
    ]);
    await expectNothingWritten(districtId);
  });

  it("rejects an email that belongs to an account of another district", async () => {
    const { districtId, actor } = await newDistrict();
    await newAccount("dis_01other00000000000000000000", "g2@lincoln.test", ["parent"]);
    const problems = await problemsOf(actor, rosterCsv());
    expect(problems).toEqual([
      {
        file: "users.csv",
        line: 9,
        field: "email",
        code: "email_taken",
        params: { email: "g2@lincoln.test" },
        message: "g2@lincoln.test already belongs to another Fidelio account",
      },
    ]);
    await expect(getItem(keys.email("t1@lincoln.test"))).resolves.toBeUndefined();
    expect(await queryAll(keys.studentsOfDistrict(districtId))).toEqual([]);
  });

  it("counts lines from the header, across quoted fields that span lines", async () => {
    const { actor } = await newDistrict();
    const csvs = rosterCsv("lines.test");
    csvs["fidelio_iep_items.csv"] = [
      "studentSourcedId,effectiveFrom,itemType,itemId,text,minutesPerWeek,providerRole,area,classSourcedIds",
      `st1,2026-09-01,goal,g-1,"Line one`,
      `line two",,,Reading,`,
      "st1,2026-09-01,service,s-1,Reading,-5,Special education teacher,,",
      "",
    ].join("\r\n");
    expect(await problemsOf(actor, csvs)).toEqual([
      {
        file: "fidelio_iep_items.csv",
        line: 4,
        field: "minutesPerWeek",
        code: "invalid_value",
        params: { message: "At least 1 minute" },
        message: "At least 1 minute",
      },
    ]);
  });

  it("answers 413 beyond 50,000 rows or 20 MB, before reading further", async () => {
    const { actor } = await newDistrict();
    const csvs = rosterCsv();
    csvs["enrollments.csv"] += Array.from({ length: 50_001 }, (_, i) => `x${i},active,c1,s1,st1,student`).join("\n");
    await expect(RosterRunner.importFiles(actor, toFiles(csvs))).rejects.toMatchObject({ status: 413, code: "roster_too_large" });
    const big = { name: "users.csv", bytes: new Uint8Array(21 * 1024 * 1024) };
    await expect(RosterRunner.importFiles(actor, [big])).rejects.toMatchObject({ status: 413, code: "roster_too_large" });
  });
});
