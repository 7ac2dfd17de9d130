import { describe, expect, it } from "vitest";
import { getItem, keys, queryAll } from "@fidelio/core/dynamo";
import { Email } from "@fidelio/core/email";
import { VisibleError } from "@fidelio/core/error";
import type { RosterProblem } from "@fidelio/core/roster";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { emailsTo } from "../support/mail";
import { newDistrict, rosterCsv, toFiles } from "./fixture";

/** CR/LF in a name: refused at the roster import with its line, and never written into an email header. */
describe("control characters in names", () => {
  it("are refused on import, naming the file, line and field; nothing is written", async () => {
    const { districtId, actor } = await newDistrict();
    const csvs = rosterCsv();
    csvs["users.csv"] = csvs["users.csv"]!
      .replace("g1,active,s1,parent,Gloria,Lopez,", 'g1,active,s1,parent,Gloria,"Lopez\r\nBcc: attacker@evil.test",')
      .replace("st2,active,s1,student,Ben,Ruiz,", "st2,active,s1,student,Ben\u0007,Ruiz,")
      .replace("t2,active,s1,teacher,Tom,Math,", 't2,active,s1,teacher,"Tom\rX",Math,');
    const error = await RosterRunner.importFiles(actor, toFiles(csvs)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(VisibleError);
    const problems = ((error as VisibleError).details as RosterProblem[]).filter((p) => p.code === "control_characters");
    // Lines as an editor counts them: the CR inside Tom's quoted name starts a line of its own.
    expect(problems.map(({ file, line, field }) => ({ file, line, field }))).toEqual([
      { file: "users.csv", line: 3, field: "givenName" },
      { file: "users.csv", line: 8, field: "givenName" },
      { file: "users.csv", line: 9, field: "familyName" },
    ]);
    expect(await queryAll(keys.studentsOfDistrict(districtId))).toEqual([]);
    expect(await getItem(keys.email("g1@lincoln.test"))).toBeUndefined();
  });

  it("never reach an email header: the sender writes the subject on one line", async () => {
    const to = `header-${Date.now()}@test.fidelio.test`;
    await Email.send({ to, subject: "Concern about Ana Nguyen\r\nBcc: attacker@evil.test\n\u2028X-Evil: 1", text: "Body", html: "<p>Body</p>" });
    const [sent] = await emailsTo(to);
    expect(sent!.subject).toBe("Concern about Ana Nguyen Bcc: attacker@evil.test X-Evil: 1");
    expect(await emailsTo("attacker@evil.test")).toEqual([]);
  });
});
