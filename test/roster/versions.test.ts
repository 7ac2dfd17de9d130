import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import type { UserActor } from "@fidelio/core/actor";
import { VisibleError } from "@fidelio/core/error";
import type { RosterProblem } from "@fidelio/core/roster";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { User } from "@fidelio/core/user";
import { districtShape, newDistrict, rosterCsv, rosterCsv12, toFiles } from "./fixture";

/** OneRoster 1.2 as well as 1.1, the version read from manifest.csv; and the sample files. */
const problemsOf = async (actor: UserActor, csvs: Record<string, string>) => {
  const error = await RosterRunner.importFiles(actor, toFiles(csvs)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VisibleError);
  return ((error as VisibleError).details as RosterProblem[]).map(({ file, line, field, code, params }) => ({ file, line, field, code, params }));
};

const samplesDir = join(import.meta.dirname, "../../web/public/samples");
const sampleSet = (version: string) =>
  Object.fromEntries(
    [`oneroster-${version}`, "fidelio"].flatMap((dir) =>
      readdirSync(join(samplesDir, dir)).map((name) => [name, readFileSync(join(samplesDir, dir, name), "utf8")]),
    ),
  );
const rolesByEmail = async (emails: string[]) => Promise.all(emails.map(async (email) => [email, (await User.byEmail(email))?.roles]));

describe("OneRoster 1.1 and 1.2", () => {
  it("a 1.2 set (manifest, users.csv without roles, roles.csv) imports the same district as the same 1.1 set", async () => {
    const v11 = await newDistrict();
    const v12 = await newDistrict();
    const first11 = await RosterRunner.importFiles(v11.actor, toFiles(rosterCsv("v11.test")));
    const first12 = await RosterRunner.importFiles(v12.actor, toFiles(rosterCsv12("v12.test")));
    expect(first12).toEqual(first11);
    expect(first12).toMatchObject({ created: 18, skipped: 1 });
    expect(await districtShape(v12.districtId)).toEqual(await districtShape(v11.districtId));
    const people = ["t1", "t2", "cm", "dir", "g1", "g2"];
    expect(await rolesByEmail(people.map((p) => `${p}@v12.test`))).toEqual(
      (await rolesByEmail(people.map((p) => `${p}@v11.test`))).map(([email, roles]) => [String(email).replace("v11", "v12"), roles]),
    );
    // Importing the 1.2 set again changes nothing.
    expect(await RosterRunner.importFiles(v12.actor, toFiles(rosterCsv12("v12.test")))).toMatchObject({ created: 0, updated: 0, unchanged: 18 });
  });

  it("without a manifest a set is 1.1: roles.csv is not read, and users.csv needs role and orgSourcedIds", async () => {
    const { actor } = await newDistrict();
    const csvs = rosterCsv12();
    delete csvs["manifest.csv"];
    const problems = await problemsOf(actor, csvs);
    expect(problems).toContainEqual({ file: "roles.csv", line: 0, field: "", code: "version_file", params: { version: "1.1" } });
    expect(problems).toContainEqual({ file: "users.csv", line: 1, field: "role", code: "missing_column", params: {} });
    expect(problems).toContainEqual({ file: "users.csv", line: 1, field: "orgSourcedIds", code: "missing_column", params: {} });
  });

  it("a manifest naming another version is reported; a 1.2 set without roles.csv misses it", async () => {
    const { actor } = await newDistrict();
    const csvs = rosterCsv12();
    csvs["manifest.csv"] = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.0\n";
    expect(await problemsOf(actor, csvs)).toContainEqual({
      file: "manifest.csv",
      line: 3,
      field: "oneroster.version",
      code: "unsupported_version",
      params: { version: "1.0" },
    });
    const noRoles = rosterCsv12();
    delete noRoles["roles.csv"];
    // Without roles.csv nobody's role is known: that one problem, not one more per user.
    expect(await problemsOf(actor, noRoles)).toEqual([{ file: "roles.csv", line: 0, field: "", code: "missing_file", params: {} }]);
  });

  it("the same mistakes in a 1.1 and a 1.2 set are reported where each version keeps the data", async () => {
    const { actor } = await newDistrict();
    const v11 = rosterCsv();
    v11["users.csv"] = v11["users.csv"]!.replace("t2,active,s1,teacher", "t2,active,s9,teacher").replace("g1,active,s1,parent", "g1,active,s1,uncle");
    const v12 = rosterCsv12();
    v12["roles.csv"] = v12["roles.csv"]!.replace("t2,primary,teacher,2026-08-15,,s1", "t2,primary,teacher,2026-08-15,,s9").replace(
      "g1,primary,parent",
      "g1,primary,uncle",
    );
    v12["roles.csv"] += "r-extra,active,2026-08-01,t1,primary,teacher,,,s1,\nr-ghost,active,2026-08-01,nobody,secondary,aide,,,s1,\n";
    v12["users.csv"] += "lone,active,2026-08-01,true,lone,,Lone,Person,,,lone@lincoln.test,,,,,,,,,,,s1,\n";
    expect(await problemsOf(actor, v11)).toEqual([
      { file: "users.csv", line: 3, field: "orgSourcedIds", code: "unknown_reference", params: { kind: "org", sourcedId: "s9" } },
      {
        file: "users.csv",
        line: 8,
        field: "role",
        code: "one_of",
        params: { values: "administrator, aide, guardian, parent, proctor, relative, student, teacher" },
      },
    ]);
    // g1 failed on its role: the student listing g1 as a guardian gets no "Unknown sourcedId g1" on top.
    expect(await problemsOf(actor, v12)).toEqual([
      { file: "roles.csv", line: 3, field: "orgSourcedId", code: "unknown_reference", params: { kind: "org", sourcedId: "s9" } },
      { file: "roles.csv", line: 8, field: "role", code: "one_of", params: { values: expect.stringContaining("districtAdministrator") } },
      { file: "roles.csv", line: 11, field: "roleType", code: "two_primary_roles", params: { sourcedId: "t1", line: 2 } },
      { file: "roles.csv", line: 12, field: "userSourcedId", code: "unknown_reference", params: { kind: "user", sourcedId: "nobody" } },
      { file: "users.csv", line: 11, field: "sourcedId", code: "no_primary_role", params: { sourcedId: "lone" } },
    ]);
  });
});

describe("sample files", () => {
  it("each sample set (OneRoster 1.1 or 1.2 with Fidelio's files) imports cleanly, and both import the same district", async () => {
    const a = await newDistrict();
    const b = await newDistrict();
    const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
    const from11 = await RosterRunner.importFiles(a.actor, [{ name: "sample-1.1.zip", bytes: zip(sampleSet("1.1")) }]);
    expect(from11).toMatchObject({ skipped: 0, revoked: 0, rolesEndedCount: 0 });
    expect(from11.byKind).toMatchObject({ school: { created: 1 }, student: { created: 3 }, iep: { created: 2 } });
    // Both sets name the same people: an email belongs to one district, so the 1.2 set gets its own domain.
    const set12 = Object.fromEntries(
      Object.entries(sampleSet("1.2")).map(([name, text]) => [name, text.replaceAll("maplegrove.example.org", "maplegrove12.example.org")]),
    );
    const from12 = await RosterRunner.importFiles(b.actor, toFiles(set12));
    expect(from12).toEqual(from11);
    expect(await districtShape(b.districtId)).toEqual(await districtShape(a.districtId));
  });
});
