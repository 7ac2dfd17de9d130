import { expect, it } from "vitest";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { User } from "@fidelio/core/user";
import { newDistrict, rosterCsv, toFiles } from "./fixture";

it("a re-import that updates a person keeps the language they chose", async () => {
  const { actor: admin } = await newDistrict();
  await RosterRunner.importFiles(admin, toFiles(rosterCsv("language.test")));
  const tina = User.toActor((await User.byEmail("t1@language.test"))!);
  await User.setLanguage(tina, { language: "es" });

  const csvs = rosterCsv("language.test");
  csvs["users.csv"] = csvs["users.csv"]!.replace("t1,active,s1,teacher,Tina,Reading", "t1,active,s1,teacher,Tina,Lectura");
  const result = await RosterRunner.importFiles(admin, toFiles(csvs));
  expect(result.updated).toBeGreaterThan(0);
  expect(await User.byEmail("t1@language.test")).toMatchObject({ name: "Tina Lectura", language: "es" });
});
