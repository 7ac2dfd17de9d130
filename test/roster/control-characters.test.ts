import { describe, expect, it } from "vitest";
import { getItem, keys, queryAll } from "@fidelio/core/dynamo";
import { Email } from "@fidelio/core/email";
import type { RosterProblem } from "@fidelio/core/roster";
import { call, signIn } from "../support/api";
import { emailsTo } from "../support/mail";
import { jobUntilEnd, jobUntilPlanned, newDistrict, rosterCsv } from "./fixture";

/** CR/LF in a name: refused at the roster import with its line, and never written into an email header. */
describe("control characters in names", () => {
  it("skip the row on import with a warning naming file, line and field; the rest is imported", async () => {
    const domain = "ctl.test";
    const { districtId, actor } = await newDistrict(["district_admin"], `importer@${domain}`);
    const token = await signIn(actor.email);
    const csvs = rosterCsv(domain);
    csvs["users.csv"] = csvs["users.csv"]!.replace("g1,active,s1,parent,Gloria,Lopez,", 'g1,active,s1,parent,Gloria,"Lopez\r\nBcc: attacker@evil.test",')
      .replace("st2,active,s1,student,Ben,Ruiz,", "st2,active,s1,student,Ben\u0007,Ruiz,")
      .replace("t2,active,s1,teacher,Tom,Math,", 't2,active,s1,teacher,"Tom\rX",Math,');
    const form = new FormData();
    for (const [name, text] of Object.entries(csvs)) form.append("files", new File([text], name, { type: "text/csv" }));
    const uploaded = await call("/api/admin/roster", { method: "POST", token, form });
    expect(uploaded.status).toBe(202);
    const { id } = (await uploaded.json()) as { id: string };
    const planned = await jobUntilPlanned(token, id);
    const warnings = (planned.plan as { warnings: RosterProblem[] }).warnings.filter((w) => w.code === "control_characters");
    // Lines as an editor counts them: the CR inside Tom's quoted name starts a line of its own.
    expect(warnings.map(({ file, line, field }) => ({ file, line, field }))).toEqual([
      { file: "users.csv", line: 3, field: "givenName" },
      { file: "users.csv", line: 8, field: "givenName" },
      { file: "users.csv", line: 9, field: "familyName" },
    ]);
    expect(await jobUntilEnd(token, id)).toMatchObject({ status: "done" });
    const students = await queryAll<{ sourcedId: string; lastName: string }>(keys.studentsOfDistrict(districtId));
    expect(students.map((s) => s.sourcedId).sort()).toEqual(["st1"]);
    expect(await getItem(keys.email(`g1@${domain}`))).toBeUndefined();
    expect(await getItem(keys.email(`t1@${domain}`))).toBeDefined();
  });

  it("never reach an email header: the sender writes the subject on one line", async () => {
    const to = `header-${Date.now()}@test.fidelio.test`;
    await Email.send({ to, subject: "Concern about Ana Nguyen\r\nBcc: attacker@evil.test\n\u2028X-Evil: 1", text: "Body", html: "<p>Body</p>" });
    const [sent] = await emailsTo(to);
    expect(sent!.subject).toBe("Concern about Ana Nguyen Bcc: attacker@evil.test X-Evil: 1");
    expect(await emailsTo("attacker@evil.test")).toEqual([]);
  });
});
