import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@fidelio/core/actor";
import { Audit } from "@fidelio/core/audit";
import { keys, putItem, queryAll } from "@fidelio/core/dynamo";
import { Iep, type IepVersion } from "@fidelio/core/iep";
import { IepEdit } from "@fidelio/core/iep/edit";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { Student, studentItem, type StudentInfo } from "@fidelio/core/student";
import { User } from "@fidelio/core/user";
import { applyPlan } from "@fidelio/core/roster/apply";
import { prepareImport } from "@fidelio/core/roster/prepare";
import { call, signIn } from "../support/api";
import { emailsTo } from "../support/mail";
import { newDistrict, rosterCsv, toFiles, writesDuring } from "./fixture";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

/** Waits until no email waits in the outbox (its open index is sparse: emptied once each is delivered or failed). */
async function outboxSettled(timeoutMs = 15_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    if ((await queryAll(keys.outboxOpenAll())).length === 0) return;
  }
  throw new Error("the outbox did not settle");
}

/** The district's system and Fidelio both write IEP versions: neither may silently undo the other. */
describe("IEP versions from the roster beside amendments made in Fidelio", () => {
  let admin: UserActor;
  let ana: StudentInfo;
  const domain = "amend.test";
  const versionsOf = async () => (await Student.load(ana.id))!.ieps.sort((a, b) => a.version - b.version);
  const minutes = (ieps: IepVersion[]) => ieps.map((iep) => [iep.version, iep.services[0]?.minutesPerWeek]);

  beforeAll(async () => {
    let districtId: string;
    ({ districtId, actor: admin } = await newDistrict());
    await RosterRunner.importFiles(admin, toFiles(rosterCsv(domain)));
    const students = await queryAll<StudentInfo>(keys.studentsOfDistrict(districtId));
    ana = students.find((student) => student.firstName === "Ana")!;
  });

  it("a re-import of the same rows keeps the case manager's amendment; rows changed in the district's system make the next version", async () => {
    const caseManager = User.toActor((await User.byEmail(`cm@${domain}`))!);
    const [v1] = await versionsOf();
    const { studentId: _s, version: _v, createdAt: _c, createdBy: _b, ...content } = v1!;
    const amended = await IepEdit.record(caseManager, {
      studentId: ana.id,
      version: 1,
      ...content,
      services: [{ ...content.services[0]!, minutesPerWeek: 180 }],
    });
    // The amendment emails whoever provides the service; let the outbox settle so its writes are not the import's.
    expect(amended.notified.length).toBeGreaterThan(0);
    await outboxSettled();

    // The same files again: nothing written, the amendment (v2, 180 minutes) stays the IEP in effect.
    let again: Awaited<ReturnType<typeof RosterRunner.importFiles>> | undefined;
    expect(await writesDuring(async () => (again = await RosterRunner.importFiles(admin, toFiles(rosterCsv(domain)))))).toEqual([]);
    expect(again!.byKind.iep).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(minutes(await versionsOf())).toEqual([
      [1, 120],
      [2, 180],
    ]);

    // The district's system changes the service to 150 minutes: that is news, and becomes v3.
    const csvs = rosterCsv(domain);
    csvs["fidelio_iep_items.csv"] = csvs["fidelio_iep_items.csv"]!.replace("Specialized reading instruction,120,", "Specialized reading instruction,150,");
    const changed = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(changed.byKind.iep).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(changed.byKind.student).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(minutes(await versionsOf())).toEqual([
      [1, 120],
      [2, 180],
      [3, 150],
    ]);
    expect((await Audit.page(ana.id)).items[0]).toMatchObject({ action: "roster.import", record: "iep:v3" });
    // Each later version's number is claimed with it, whoever wrote it, so an editor and the import never
    // both write v3. v1 came in the transaction that created Ana only if absent: nobody could have edited
    // an IEP before she existed, so it needs no claim (one write less a new student).
    const claims = (await queryAll({ pk: keys.student(ana.id).pk, skPrefix: "IEPV#" })).map((item) => item.sk);
    expect(claims).toEqual(["IEPV#0002", "IEPV#0003"]);
  });

  it("rows the roster gives that already match the latest version are recorded, with no new version", async () => {
    // An IEP written before the roster marked its rows (an older import) has no mark on the student.
    const { rosterIep: _mark, ...unmarked } = (await Student.load(ana.id))!.student;
    await putItem(studentItem(unmarked));
    const csvs = rosterCsv(domain);
    csvs["fidelio_iep_items.csv"] = csvs["fidelio_iep_items.csv"]!.replace("Specialized reading instruction,120,", "Specialized reading instruction,150,");
    const result = await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(result.byKind.iep).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(result.byKind.student).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect((await versionsOf()).map((iep) => iep.version)).toEqual([1, 2, 3]);
    expect((await Audit.page(ana.id)).items[0]).toMatchObject({ action: "roster.import", record: "iep-rows" });
    expect(Iep.latest(await versionsOf())?.services[0]?.minutesPerWeek).toBe(150);
  });
});

/** Emails to `address` whose subject matches, once the outbox has sent what it holds. */
async function mailTo(address: string, subject: RegExp) {
  await outboxSettled();
  return (await emailsTo(address)).filter((e) => subject.test(e.subject));
}

/** A roster import that amends an IEP tells the team members whose duties change, as an amendment made in Fidelio does. */
describe("an IEP version the roster import makes", () => {
  let admin: UserActor;
  let ana: StudentInfo;
  const domain = "amend-notice.test";
  const ids = {} as Record<"tom" | "tina" | "carla", string>;

  beforeAll(async () => {
    let districtId: string;
    ({ districtId, actor: admin } = await newDistrict());
    await RosterRunner.importFiles(admin, toFiles(rosterCsv(domain)));
    ana = (await queryAll<StudentInfo>(keys.studentsOfDistrict(districtId))).find((student) => student.firstName === "Ana")!;
    for (const [who, local] of [
      ["tom", "t2"],
      ["tina", "t1"],
      ["carla", "cm"],
    ] as const)
      ids[who] = (await User.byEmail(`${local}@${domain}`))!.id;
    // Tom (math) reads Fidelio in Spanish.
    await User.setLanguage(User.toActor((await User.byEmail(`t2@${domain}`))!), { language: "es" });
  });

  it("emails each member whose duties change, in their language, and shows it on their home until acknowledged; a replay of the same plan sends nothing twice", async () => {
    // The district's system rewords the calculator accommodation, which applies in Tom's math class only.
    const csvs = rosterCsv(domain);
    csvs["fidelio_iep_items.csv"] = csvs["fidelio_iep_items.csv"]!.replace("Calculator for computation", "Calculator for every computation");
    const prepared = await prepareImport(admin, toFiles(csvs));
    const auditKey = (studentId: string) => ({ id: `aud_${studentId.slice(-20)}replay`, at: "2026-12-09T18:00:00.000Z" });
    const ctx = { actor: admin, auditKey, progressed: () => {}, checkOwned: () => {} };
    await applyPlan(ctx, prepared.plan);
    // A run resumed after a crash replays the plan: the unit committed with its audit entry is not written again.
    await applyPlan(ctx, prepared.plan);
    const latest = Iep.latest((await Student.load(ana.id))!.ieps)!;
    expect(latest.accommodations.find((a) => a.id === "a-calc")?.text).toBe("Calculator for every computation");

    const tomMail = await mailTo(`t2@${domain}`, /^Cambió el IEP de Ana Lopez/);
    expect(tomMail).toHaveLength(1);
    expect(tomMail[0]!.body.text).toContain("Cambió: Calculator for every computation (antes: Calculator for computation)");
    expect(tomMail[0]!.body.text).toContain(`versión nueva (${latest.version})`);
    // Tina teaches reading, where the calculator does not apply: her duties did not change.
    expect(await mailTo(`t1@${domain}`, /Ana Lopez/)).toEqual([]);

    const tomToken = await signIn(`t2@${domain}`);
    const notices = (await (await call("/api/students/iep-changes", { token: tomToken })).json()) as { items: Array<Record<string, unknown>> };
    expect(notices.items).toEqual([
      expect.objectContaining({
        studentId: ana.id,
        version: latest.version,
        changes: [expect.objectContaining({ kind: "accommodation", change: "changed", id: "a-calc" })],
      }),
    ]);
    const acknowledged = await call(`/api/students/${ana.id}/iep/acknowledge`, { method: "POST", token: tomToken, body: { version: latest.version } });
    expect(acknowledged.status).toBe(200);
    expect(((await (await call("/api/students/iep-changes", { token: tomToken })).json()) as { items: unknown[] }).items).toEqual([]);

    // The same files again: no new version, nobody told again.
    await RosterRunner.importFiles(admin, toFiles(csvs));
    expect(await mailTo(`t2@${domain}`, /^Cambió el IEP de Ana Lopez/)).toHaveLength(1);
  });
});
