import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@fidelio/core/actor";
import { deleteItem, keys, putItem, queryAll } from "@fidelio/core/dynamo";
import { Roster } from "@fidelio/core/roster";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { contentHash } from "@fidelio/core/roster/job";
import { takePlan } from "@fidelio/core/roster/kept-plans";
import type { StudentInfo } from "@fidelio/core/student";
import { User } from "@fidelio/core/user";
import { newDistrict, rosterCsv, toFiles } from "./fixture";

/**
 * The local server checks an upload and runs its job on one worker thread, and the job's first run
 * uses the plan the check made a moment before instead of planning again (core/roster/kept-plans.ts);
 * so does the writing run, with the plan the confirmation's check made. The files are removed from the
 * job here before the writing run: a run that reads them finds nothing to import.
 */
describe("a job that starts right after its upload's check", () => {
  /** Planned, then confirmed; the confirmation checks the files again, with RosterRunner.check (keeps its plan) when `keep`. */
  const queued = async (actor: UserActor, files: ReturnType<typeof toFiles>, { keep = true } = {}) => {
    const started = await Roster.startImport(actor, files, () => undefined);
    expect(started.id).toBeDefined();
    expect(await RosterRunner.run(started.id!)).toMatchObject({ status: "awaiting_confirmation" });
    if (keep) Roster.setChecker(RosterRunner.check);
    try {
      await Roster.confirm(actor, started.id!, { endCount: (await Roster.job(actor, started.id!)).plan?.endingRoles }, () => undefined);
    } catch (error) {
      // A changed district: the job has failed with 409, and its files are gone already.
      expect(error).toMatchObject({ status: 409 });
      return started.id!;
    } finally {
      Roster.setChecker(Roster.check);
    }
    const chunks = await queryAll(keys.rosterJobFiles(started.id!));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) await deleteItem({ pk: String(chunk.pk), sk: String(chunk.sk) });
    return started.id!;
  };

  it("writes the plan its check made, without reading the files again", async () => {
    const { districtId, actor } = await newDistrict(["district_admin"], `kept-${Date.now()}@kept.test`);
    const files = toFiles(rosterCsv("kept.test"));
    const checked = await RosterRunner.check(actor, files);
    const job = await RosterRunner.run(await queued(actor, files));
    expect(job).toMatchObject({ status: "done", progress: { done: checked.total, total: checked.total }, summary: checked.summary });
    expect(await queryAll<StudentInfo>(keys.studentsOfDistrict(districtId))).toHaveLength(2);
  });

  it("plans from the stored files when no check of them was kept (here: none left, so it fails)", async () => {
    const { actor } = await newDistrict(["district_admin"], `unkept-${Date.now()}@kept.test`);
    const job = await RosterRunner.run(await queued(actor, toFiles(rosterCsv("unkept.test")), { keep: false }));
    expect(job?.status).toBe("failed");
  });

  it("does not use a plan another administrator's check made", async () => {
    const { districtId, actor } = await newDistrict(["district_admin"], `first-${Date.now()}@kept.test`);
    const other = { ...actor, userId: (await newDistrict(["district_admin"], `other-${Date.now()}@kept.test`)).actor.userId };
    const files = toFiles(rosterCsv("other.test"));
    await RosterRunner.check(other, files);
    const job = await RosterRunner.run(await queued(actor, files, { keep: false }));
    expect(job?.status).toBe("failed");
    expect(await queryAll(keys.studentsOfDistrict(districtId))).toEqual([]);
  });

  describe("when someone changes a record between the check and the job", () => {
    const domain = "kept-race.test";
    let admin: UserActor;

    beforeAll(async () => {
      ({ actor: admin } = await newDistrict(["district_admin"], `importer@${domain}`));
      await RosterRunner.importFiles(admin, toFiles(rosterCsv(domain)));
    });

    it("fails with 409 and keeps the change, as a job that planned at its start would", async () => {
      const csvs = rosterCsv(domain);
      csvs["users.csv"] = csvs["users.csv"]!.replace("a1,active,", "a1,tobedeleted,");
      csvs["fidelio_roles.csv"] = csvs["fidelio_roles.csv"]!.replace("a1,director\n", "");
      const files = toFiles(csvs);
      await RosterRunner.check(admin, files);
      // The plan ends the director's role; meanwhile an administrator gives them another.
      const director = (await User.byEmail(`dir@${domain}`))!;
      await putItem(User.toItems({ ...director, roles: ["director", "advocate"] }).user);

      const job = await RosterRunner.run(await queued(admin, files));
      expect(job).toMatchObject({ status: "failed", error: { status: 409, message: expect.stringContaining("changed by someone else") } });
      expect((await User.get(director.id))?.roles).toEqual(["director", "advocate"]);
    });
  });
});

describe("plans kept by checks", () => {
  it("are the latest two only, each taken at most once and only by the administrator who checked", async () => {
    const { actor } = await newDistrict(["district_admin"], `few-${Date.now()}@kept.test`);
    const hashes = ["a", "b", "c"].map((domain) => {
      const files = toFiles(rosterCsv(`${domain}.few.test`));
      return { files, hash: contentHash(files) };
    });
    for (const { files } of hashes) await RosterRunner.check(actor, files);
    expect(takePlan(hashes[0]!.hash, actor.userId)).toBeUndefined();
    expect(takePlan(hashes[1]!.hash, "usr_someone_else")).toBeUndefined();
    expect(takePlan(hashes[1]!.hash, actor.userId)).toBeUndefined(); // the wrong administrator's try used it up
    expect(takePlan(hashes[2]!.hash, actor.userId)?.plan.students.length).toBe(2);
    expect(takePlan(hashes[2]!.hash, actor.userId)).toBeUndefined();
  });
});
