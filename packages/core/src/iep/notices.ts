import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { batchGet, IepNoticeItems, itemType, keys, queryAll, type TransactOp } from "../dynamo";
import { isConditionFailure } from "../error";
import { mapLimit } from "../concurrency";
import { Outbox } from "../outbox";
import { Student, studentName, type StudentRecord } from "../student";
import { User, userItem } from "../user";
import { verb } from "../verb";
import { amendmentNotice } from "./amendment-emails";
import { affectedMembers, dutyChanges, type DutyChange } from "./duties";
import type { IepVersion } from "./schema";

/**
 * An IEP amendment reaches the people who must carry it out: each teacher or case manager whose duties
 * it changes gets an email in their language, and a notice on their home until they acknowledge the
 * version (POST /api/students/:id/iep/acknowledge). Both are written in the amendment's own transaction.
 */
export interface IepNotice {
  userId: string;
  studentId: string;
  studentName: string;
  version: number;
  effectiveFrom: string;
  /** Against the last version they acknowledged (or the one replaced): everything they have yet to take in. */
  changes: DutyChange[];
  createdAt: string;
}

const noticeItemType = itemType<IepNotice>(
  "IEP notice",
  v.object({
    userId: v.string(),
    studentId: v.string(),
    studentName: v.string(),
    version: v.number(),
    effectiveFrom: v.string(),
    changes: v.array(v.custom<DutyChange>((c) => typeof c === "object" && c !== null && "kind" in c && "change" in c)),
    createdAt: v.string(),
  }),
);

/** The last version `userId` acknowledged below `iep`'s number: what they already know. */
function baselineFor(record: StudentRecord, userId: string, iep: IepVersion, replaced: IepVersion | undefined) {
  const acked = record.acknowledgments
    .filter((a) => a.userId === userId && a.version < iep.version)
    .sort((a, b) => a.version - b.version)
    .at(-1);
  return (acked && record.ieps.find((v) => v.version === acked.version)) ?? replaced;
}

/**
 * The notices and emails for a new version `next` replacing `replaced`, as transaction items, and who
 * they go to. A member is told when this version changes their duties; what they are told is what
 * changed since the version they last acknowledged.
 */
export async function amendmentNotices(record: StudentRecord, replaced: IepVersion | undefined, next: IepVersion) {
  const affected = affectedMembers(record, replaced, next);
  const users = new Map(
    (
      await batchGet(
        userItem,
        affected.map((m) => keys.user(m.userId)),
      )
    ).map((u) => [u.id, u]),
  );
  const name = studentName(record.student);
  const ops: TransactOp[] = affected.flatMap((member) => {
    const base = baselineFor(record, member.userId, next, replaced);
    const changes = base === replaced ? member.changes : dutyChanges(record, member.userId, base, next);
    const notice: IepNotice = {
      userId: member.userId,
      studentId: record.student.id,
      studentName: name,
      version: next.version,
      effectiveFrom: next.effectiveFrom,
      changes,
      createdAt: next.createdAt,
    };
    const user = users.get(member.userId);
    return [
      { put: { ...keys.iepNotice(member.userId, record.student.id), type: "iep-notice", ...notice } },
      // The notice shows on their home either way; the email needs an address (the roster may not have given one yet).
      ...(user && User.canSignIn(user) ? [Outbox.email(amendmentNotice(user, notice))] : []),
    ];
  });
  return { ops, notified: affected.map((m) => ({ userId: m.userId, name: m.name, role: m.role })) };
}

/** Once a member acknowledges `version`, a notice of that version or an earlier one goes (a later one stays). */
export async function clearNotice(userId: string, studentId: string, version: number) {
  try {
    await IepNoticeItems.deleteUpTo(userId, studentId, version);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/**
 * My IEP changes still to acknowledge, newest first: only for students I still serve, and only while
 * the version is unacknowledged (a notice left by an interrupted acknowledgment is not shown). Each
 * student shown is audited.
 */
const myIepNotices = verb(v.object({}), async (actor: UserActor) => {
  Access.requireAction(actor, "iep.acknowledge");
  const notices = await queryAll(noticeItemType, keys.iepNoticesOf(actor.userId));
  const records = await mapLimit(notices, 10, (n) => Student.load(n.studentId));
  const shown = notices.flatMap((notice, i) => {
    const record = records[i];
    const rel = record?.relationships.find((r) => r.userId === actor.userId && (r.kind === "teacher" || r.kind === "case_manager"));
    if (!record || !rel || record.acknowledgments.some((a) => a.userId === actor.userId && a.version >= notice.version)) return [];
    return [{ notice, reason: rel.kind === "teacher" ? ("teacher" as const) : ("case_manager" as const) }];
  });
  await Audit.recordMany(
    actor,
    shown.map(({ notice, reason }) => ({ studentId: notice.studentId, action: "iep.notice-read", record: `iep:v${notice.version}`, reason })),
  );
  return {
    items: shown
      .map(({ notice }) => ({
        studentId: notice.studentId,
        studentName: notice.studentName,
        version: notice.version,
        effectiveFrom: notice.effectiveFrom,
        changes: notice.changes,
        createdAt: notice.createdAt,
      }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  };
});

export namespace IepNotices {
  export const mine = myIepNotices;
}
