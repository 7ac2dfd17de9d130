import { describe, expect, it } from "vitest";
import type { UserActor } from "@fidelio/core/actor";
import { VisibleError } from "@fidelio/core/error";
import type { RosterProblem } from "@fidelio/core/roster";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { newDistrict, rosterCsv, toFiles } from "./fixture";

/** A syntax error names the line where the bad quote opens and its column; no knock-on errors; every problem listed. */
const problemsOf = async (actor: UserActor, csvs: Record<string, string>) => {
  const error = await RosterRunner.importFiles(actor, toFiles(csvs)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VisibleError);
  return ((error as VisibleError).details as RosterProblem[]).map(({ file, line, field, code, params }) => ({ file, line, field, code, params }));
};

describe("roster problems", () => {
  let actor: UserActor;
  it("a quote never closed is reported on the line where it opens, in its column, and the rest of the file is still read", async () => {
    ({ actor } = await newDistrict());
    const csvs = rosterCsv();
    // Line 3 opens a quote in familyName and never closes it; line 5 is a plain error below it.
    csvs["users.csv"] = csvs["users.csv"]!.replace("t2,active,s1,teacher,Tom,Math,", 't2,active,s1,teacher,Tom,"Math,').replace(
      "a1,active,d1,administrator",
      "a1,active,d1,principal",
    );
    expect(await problemsOf(actor, csvs)).toEqual([
      { file: "users.csv", line: 3, field: "familyName", code: "bad_quote", params: { detail: "never closed" } },
      { file: "users.csv", line: 5, field: "role", code: "one_of", params: { values: expect.stringContaining("teacher") } },
    ]);
  });

  it("text after a closing quote is reported at the quote's line and column, after a good field spanning lines", async () => {
    const csvs = rosterCsv();
    csvs["classes.csv"] = 'sourcedId,status,title,schoolSourcedId\nc0,active,"Grade 3\nArt",s1\nc1,active,"Grade 3 Reading"x,s1\nc2,active,Grade 3 Math,s1\n';
    // c1 was lost to the syntax error: enrollments and IEP rows naming it are not reported again.
    expect(await problemsOf(actor, csvs)).toEqual([
      { file: "classes.csv", line: 4, field: "title", code: "bad_quote", params: { detail: "text after the closing quote" } },
    ]);
  });

  it("a row that failed to parse or check causes no 'Unknown sourcedId' elsewhere", async () => {
    const csvs = rosterCsv();
    csvs["orgs.csv"] = csvs["orgs.csv"]!.replace("s1,active,2026-08-01,Lincoln Elementary,school", "s1,active,2026-08-01,,school");
    csvs["users.csv"] = csvs["users.csv"]!.replace("t1,active,s1,teacher,Tina", "t1,active,s1,,Tina");
    csvs["fidelio_iep_items.csv"] = csvs["fidelio_iep_items.csv"]!.replace(
      "st2,2026-09-15,accommodation,a-seat,Preferential seating,,,,",
      "st2,2026-09-15,accommodation,a-seat,Preferential seating,,,,c1 c9",
    );
    expect(await problemsOf(actor, csvs)).toEqual([
      { file: "fidelio_iep_items.csv", line: 7, field: "classSourcedIds", code: "unknown_reference", params: { kind: "class", sourcedId: "c9" } },
      { file: "orgs.csv", line: 3, field: "name", code: "required", params: {} },
      { file: "users.csv", line: 2, field: "role", code: "required", params: {} },
    ]);
  });

  it("every problem of a row and of a file is listed, not only the first kind", async () => {
    const csvs = rosterCsv();
    csvs["enrollments.csv"] += "e7,retired,c1,s9,st1,pupil\n";
    csvs["fidelio_iep_items.csv"] += "st2,2026-09-15,service,s-x,Counseling,,,,\n";
    expect(await problemsOf(actor, csvs)).toEqual([
      { file: "enrollments.csv", line: 8, field: "status", code: "one_of", params: { values: "active, tobedeleted" } },
      { file: "enrollments.csv", line: 8, field: "role", code: "one_of", params: { values: expect.any(String) } },
      { file: "enrollments.csv", line: 8, field: "schoolSourcedId", code: "unknown_reference", params: { kind: "org", sourcedId: "s9" } },
      { file: "fidelio_iep_items.csv", line: 8, field: "minutesPerWeek", code: "required_for_service", params: {} },
      { file: "fidelio_iep_items.csv", line: 8, field: "providerRole", code: "required_for_service", params: {} },
    ]);
  });

  it("each problem carries a stable code, its parameters, and the English message made from them", async () => {
    const csvs = rosterCsv();
    csvs["users.csv"] += "g2,active,s1,guardian,Rafael,Ruiz,rafael@lincoln.test,,\n";
    csvs["report.xlsx"] = "PK";
    const error = await RosterRunner.importFiles(actor, toFiles(csvs)).catch((e: VisibleError) => e);
    expect((error as VisibleError).details).toEqual([
      {
        file: "report.xlsx",
        line: 0,
        field: "",
        code: "not_a_roster_file",
        params: {},
        message: "Not a CSV or ZIP file: export the roster from your SIS as OneRoster CSV",
      },
      { file: "users.csv", line: 11, field: "sourcedId", code: "duplicate_id", params: { sourcedId: "g2" }, message: "Duplicate sourcedId g2" },
    ]);
  });
});
