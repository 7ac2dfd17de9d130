import type { Actor } from "../actor";
import { Audit } from "../audit";
import { batchDelete, batchPut, keys, putItem, transact, type TransactDelete, type TransactPut } from "../dynamo";
import { conflict, isConditionFailure } from "../error";
import type { UserWrite, WritePlan } from "./plan";
import { mapLimit } from "./util";

/** TransactWriteItems takes at most 100 operations; a person's operations stay in one transaction. */
const maxOperations = 100;

const userOperations = (write: UserWrite): Array<TransactPut | TransactDelete> => {
  const userId = String(write.user.id);
  if (write.isNew) {
    return [
      { put: write.user, condition: "attribute_not_exists(pk)" },
      { put: write.email, condition: "attribute_not_exists(pk)" },
    ];
  }
  const ops: Array<TransactPut | TransactDelete> = [{ put: write.user, condition: "attribute_exists(pk)" }];
  if (write.previousEmail) {
    ops.push(
      { put: write.email, condition: "attribute_not_exists(pk)" },
      { delete: keys.email(write.previousEmail), condition: "userId = :id", values: { ":id": userId } },
    );
  }
  return ops;
};

/** Users with their email claims, conditionally: an email claimed since validation fails the import with 409. */
async function writeUsers(writes: UserWrite[]) {
  const batches: Array<Array<TransactPut | TransactDelete>> = [[]];
  for (const write of writes) {
    const ops = userOperations(write);
    if (batches.at(-1)!.length + ops.length > maxOperations) batches.push([]);
    batches.at(-1)!.push(...ops);
  }
  try {
    await mapLimit(
      batches.filter((ops) => ops.length > 0),
      4,
      (ops) => transact(ops),
    );
  } catch (error) {
    if (isConditionFailure(error)) {
      throw conflict("An email address in the roster was claimed by another account during the import; run the import again");
    }
    throw error;
  }
}

/**
 * Source-map items go first, so an interrupted import reuses the same ids when run again; users go
 * before the relationships that name them; IEP versions are never overwritten.
 */
export async function applyPlan(actor: Actor, plan: WritePlan) {
  await batchPut(plan.sources);
  await Promise.all([batchPut(plan.schools), writeUsers(plan.users)]);
  try {
    await Promise.all([
      batchPut(plan.studentItems),
      mapLimit(plan.iepVersions, 16, (item) => putItem(item, "attribute_not_exists(pk)")),
    ]);
  } catch (error) {
    if (isConditionFailure(error)) throw conflict("An IEP was amended during the import; run the import again");
    throw error;
  }
  await batchDelete(plan.revoked);
  await Audit.recordMany(actor, plan.audits);
}
