import * as v from "valibot";
import { Access } from "../access";
import { Audit } from "../audit";
import { keys, putNew, transact } from "../dynamo";
import { conflict, isConditionFailure, notFound, VisibleError } from "../error";
import { Student } from "../student";
import { verb } from "../verb";
import { Iep } from "./index";
import { amendmentNotices, clearNotice } from "./notices";
import { IepAcknowledgeInput, IepUpdate, type IepAcknowledgment, type IepVersion } from "./schema";
import { clock } from "../clock";

const StudentId = v.pipe(v.string(), v.maxLength(64));

/**
 * Changing an IEP: a new version, never an edit in place, and a team member's acknowledgment of a
 * version. Kept apart from ./index.ts, which the student module itself imports.
 */
export namespace IepEdit {
  /**
   * A new version made against the latest one the editor read (`version`; 0 when there is none). The
   * claim item for the next number is put only if absent, so of two editors who read the same version
   * one wins and the other gets 409, whatever dates they chose.
   */
  export const record = verb(v.object({ studentId: StudentId, ...IepUpdate.entries }), async (actor, { studentId, version, ...content }) => {
    const record = await Student.load(studentId);
    const grant = Access.toStudent(actor, "iep.write", record);
    const latest = Iep.latest(record!.ieps);
    if ((latest?.version ?? 0) !== version) throw conflict("The IEP was changed after you opened it; reload to see the latest version.");
    const ids = [...content.accommodations, ...content.modifications, ...content.services, ...content.goals].map((item) => item.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (repeated.length) throw new VisibleError(422, "duplicate_item", "Each item needs its own id.", { itemIds: [...new Set(repeated)] });
    const next: IepVersion = { studentId, version: version + 1, ...content, createdAt: clock.iso(), createdBy: actor.userId };
    // Whoever must carry out a change hears of it: an email and a notice on their home, or neither if the version is not written.
    const notices = await amendmentNotices(record!, latest, next);
    try {
      await transact([
        putNew(Iep.claimItem(next)),
        putNew(Iep.toItem(next)),
        putNew(Audit.itemFor(actor, { studentId, action: "iep.write", record: `iep:v${next.version}`, reason: grant.reason })),
        ...notices.ops,
      ]);
    } catch (error) {
      if (isConditionFailure(error)) throw conflict("Someone else saved a new IEP version first; reload to see it.");
      throw error;
    }
    return { ...next, notified: notices.notified };
  });

  /** A teacher or provider on the student's team acknowledges a version; a repeat answers the first acknowledgment. */
  export const acknowledge = verb(v.object({ studentId: StudentId, ...IepAcknowledgeInput.entries }), async (actor, { studentId, version }) => {
    const record = await Student.load(studentId);
    Access.toStudent(actor, "iep.acknowledge", record);
    const rel = record?.relationships.find((r) => r.userId === actor.userId && (r.kind === "teacher" || r.kind === "case_manager"));
    if (!record || !rel) throw notFound("Student");
    if (!record.ieps.some((iep) => iep.version === version)) throw notFound("IEP version");
    const existing = record.acknowledgments.find((a) => a.userId === actor.userId && a.version === version);
    if (existing) {
      await clearNotice(actor.userId, studentId, version);
      return existing;
    }
    const ack: IepAcknowledgment = { studentId, userId: actor.userId, version, at: clock.iso() };
    try {
      await transact([
        putNew({ ...keys.iepAcknowledgment(studentId, actor.userId, version), type: "iep-ack", ...ack }),
        putNew(
          Audit.itemFor(actor, {
            studentId,
            action: "iep.acknowledge",
            record: `iep:v${version}`,
            reason: rel.kind === "teacher" ? "teacher" : "case_manager",
          }),
        ),
      ]);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // After the acknowledgment: should this fail, the home still hides a notice whose version is acknowledged.
    await clearNotice(actor.userId, studentId, version);
    return ack;
  });
}
