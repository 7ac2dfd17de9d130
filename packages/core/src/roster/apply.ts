import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { batchPut, putNew, transact, UserItems, type TransactOp } from "../dynamo";
import { conflict, isConditionFailure } from "../error";
import { amendmentNotices } from "../iep/notices";
import type { StudentUnit, UserWrite, WritePlan } from "./plan";
import { mapLimit } from "../concurrency";

/** TransactWriteItems takes at most 100 operations. */
const maxOperations = 100;
/**
 * Transactions in flight at once. More than a few gains nothing (docs/benchmarks.md): DynamoDB Local
 * applies writes on one thread, so more only queues them, and other requests wait behind the queue.
 */
export const writeConcurrency = 6;

type Op = TransactOp;

/** A student's unit with the notices its IEP amendment sends (the home notice and the email of each member it concerns). */
type UnitToWrite = StudentUnit & { notices?: Op[] };

export interface ApplyContext {
  actor: UserActor;
  /** The fixed key of a student's audit entry in this job, so a resumed job never audits a write twice. */
  auditKey: (studentId: string) => { id: string; at: string };
  /** Counts people and students written (progress). */
  progressed: (count: number) => void;
  /** Throws when this worker no longer owns the job: it must stop writing at once. */
  checkOwned: () => void;
}

/**
 * Writes a plan in an order that never exposes a link to a missing record: source-map items first (an
 * interrupted import reuses the same ids), then schools, then people, then each student with its
 * relationships, new IEP version (with the claim on its number), the notices of an amendment and
 * audit entry in one transaction. The notices are the ones an amendment made in Fidelio sends
 * (iep/notices.ts): a notice on each affected member's home and an email through the outbox, in their
 * language. They commit with the audit entry or not at all, so a resumed run never sends one twice.
 */
export async function applyPlan(ctx: ApplyContext, plan: WritePlan) {
  await putInBatches(plan.sources, ctx);
  await putInBatches(plan.schools, ctx);
  await mapLimit(
    groups(plan.users, (write) => userOperations(write).length),
    writeConcurrency,
    (group) => writeUsers(group, ctx),
  );
  // After the people: a member the import adds or renames is read as written.
  const students = await mapLimit(plan.students, writeConcurrency, async (unit): Promise<UnitToWrite> => {
    if (!unit.amendment) return unit;
    const { record, replaced, next } = unit.amendment;
    return { ...unit, notices: (await amendmentNotices(record, replaced, next)).ops };
  });
  const [large, small] = [students.filter((u) => opsOf(u) > maxOperations), students.filter((u) => opsOf(u) <= maxOperations)];
  await mapLimit(groups(small, opsOf), writeConcurrency, (group) => writeStudents(group, ctx));
  for (const unit of large) await writeLargeStudent(unit, ctx);
}

async function putInBatches(items: Array<Record<string, unknown>>, ctx: ApplyContext) {
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
  await mapLimit(batches, writeConcurrency, async (batch) => {
    ctx.checkOwned();
    await batchPut(batch);
  });
}

/** Consecutive runs of items whose operations fit in one transaction. */
function groups<T>(items: T[], size: (item: T) => number): T[][] {
  const out: T[][] = [];
  let ops = maxOperations;
  for (const item of items) {
    if (ops + size(item) > maxOperations) {
      out.push([]);
      ops = 0;
    }
    out.at(-1)!.push(item);
    ops += size(item);
  }
  return out;
}

const userOperations = (write: UserWrite): Op[] => {
  const userId = String(write.user.id);
  const claim: Op[] = write.email ? [putNew(write.email)] : [];
  if (write.isNew) return [putNew(write.user), ...claim];
  // The put rewrites the whole user item as read while planning: it must not undo a role or a language
  // changed since (a concurrent change makes the import answer 409 instead of losing it).
  const ops: Op[] = [UserItems.replaceUnchanged(write.user, write.heldRoles ?? [], write.user.language)];
  // A new address (changed, or the first one the roster gives) is claimed; the one it replaces is released.
  ops.push(...claim);
  if (write.previousEmail) ops.push(UserItems.releaseEmail(write.previousEmail, userId));
  return ops;
};

/** People with their email claims, conditionally: an email claimed or a role changed since planning fails the job with 409. */
async function writeUsers(group: UserWrite[], ctx: ApplyContext) {
  ctx.checkOwned();
  try {
    await withConflictRetry(() => transact(group.flatMap(userOperations)));
  } catch (error) {
    if (isConditionFailure(error)) {
      throw conflict("An account in the roster was changed by someone else during the import (an email claimed or a role changed); run the import again");
    }
    throw error;
  }
  ctx.progressed(group.length);
}

/**
 * A new student's item is put only if still absent, and then its first IEP version goes without a claim
 * (StudentUnit.isNew). A student too large for one transaction has its records written first, so there
 * the version keeps its claim.
 */
const createsStudent = (unit: UnitToWrite) => unit.isNew === true && unit.puts.length > 0;
const iepOperations = (unit: UnitToWrite): Op[] => (!unit.iep ? [] : createsStudent(unit) ? [putNew(unit.iep)] : [putNew(unit.iepClaim!), putNew(unit.iep)]);

const opsOf = (unit: UnitToWrite) => unit.puts.length + unit.deletes.length + iepOperations(unit).length + (unit.notices?.length ?? 0) + 1;

/** The unit's operations; the audit entry is always the last (writeStudents reads a committed unit from it). */
function studentOperations(unit: UnitToWrite, ctx: ApplyContext): Op[] {
  const audit = Audit.itemFor(ctx.actor, unit.audit, ctx.auditKey(unit.studentId));
  const [student, ...rest] = unit.puts;
  const records: Op[] = student ? [createsStudent(unit) ? putNew(student) : { put: student }, ...rest.map((put): Op => ({ put }))] : [];
  return [...records, ...unit.deletes.map((key): Op => ({ delete: key })), ...iepOperations(unit), ...(unit.notices ?? []), putNew(audit)];
}

/**
 * Students whose audit entry already exists were committed by an earlier run of this job (the entry
 * and the records commit together): they are dropped and the rest is sent again.
 */
async function writeStudents(group: UnitToWrite[], ctx: ApplyContext) {
  let pending = group;
  while (pending.length > 0) {
    ctx.checkOwned();
    const ops = pending.map((unit) => studentOperations(unit, ctx));
    try {
      await withConflictRetry(() => transact(ops.flat()));
      ctx.progressed(pending.length);
      return;
    } catch (error) {
      const failed = failedOperations(error);
      if (!failed) throw error;
      let at = 0;
      const done = new Set<UnitToWrite>();
      pending.forEach((unit, i) => {
        const unitOps = ops[i]!;
        const failedHere = unitOps.map((_, j) => failed[at + j]);
        at += unitOps.length;
        // The unit's last operation is its audit entry (studentOperations): there already, the unit
        // was committed by an earlier run. Any other condition is a record changed by someone else.
        if (failedHere.at(-1) === "ConditionalCheckFailed") done.add(unit);
        else if (failedHere.includes("ConditionalCheckFailed")) {
          throw conflict(
            createsStudent(unit) && failedHere[0] === "ConditionalCheckFailed"
              ? "A student in the roster was created by someone else during the import; run the import again"
              : "An IEP was amended during the import; run the import again",
          );
        }
      });
      if (done.size === 0) throw error;
      ctx.progressed(done.size);
      pending = pending.filter((unit) => !done.has(unit));
    }
  }
}

/** A student with more links than one transaction holds: the records first (idempotent puts), then IEP (with its claim) and audit together. */
async function writeLargeStudent(unit: UnitToWrite, ctx: ApplyContext) {
  const records: Op[] = [...unit.puts.map((put): Op => ({ put })), ...unit.deletes.map((key): Op => ({ delete: key }))];
  for (let i = 0; i < records.length; i += maxOperations) {
    ctx.checkOwned();
    await withConflictRetry(() => transact(records.slice(i, i + maxOperations)));
  }
  await writeStudents([{ ...unit, puts: [], deletes: [] }], ctx);
}

/** Each operation's cancellation code, when DynamoDB cancelled the transaction; undefined for any other error. */
function failedOperations(error: unknown): Array<string | undefined> | undefined {
  if (!(error instanceof Error) || error.name !== "TransactionCanceledException") return undefined;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
  return reasons?.map((reason) => (reason.Code === "None" ? undefined : reason.Code));
}

/** AWS cancels a transaction that races another on the same item (TransactionConflict): try again with backoff. */
async function withConflictRetry(send: () => Promise<void>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const codes = failedOperations(error);
      const conflicted = codes?.includes("TransactionConflict") && !codes.includes("ConditionalCheckFailed");
      if (!conflicted || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * 2 ** attempt));
    }
  }
}
