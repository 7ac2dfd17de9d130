import { ConcernItems, getItem, keys, putNew, type TransactOp } from "../dynamo";
import { referenceCounterItem, referenceItem } from "./items";
import { firstReferenceNumber, formatReference } from "./naming";

/**
 * The next reference of a district and the writes that take it, for the filing's own transaction:
 * the counter moves from the value read (conditional on it, so of two filings that read the same
 * value one commits and the other is cancelled and reads again) and the reference is claimed by its
 * own key (created only if new), which also lets a search find the concern. No number is used twice,
 * and a filing that fails takes none.
 */
export async function takeReference(districtId: string, concernId: string): Promise<{ reference: string; ops: TransactOp[] }> {
  const counterKey = keys.concernReferenceCounter(districtId);
  const last = (await getItem(referenceCounterItem, counterKey, true))?.last;
  const next = last === undefined ? firstReferenceNumber : last + 1;
  const reference = formatReference(next);
  return {
    reference,
    ops: [
      ConcernItems.takeReferenceNumber(counterKey, last, next),
      putNew({ ...keys.concernReference(districtId, reference), type: "concern-reference", concernId }),
    ],
  };
}

/** The concern id a district's reference names, if any. */
export async function concernIdByReference(districtId: string, reference: string): Promise<string | undefined> {
  return (await getItem(referenceItem, keys.concernReference(districtId, reference)))?.concernId;
}

/** Two filings in one district at once: DynamoDB cancels one transaction (a condition, or a conflict on the counter). */
export const isReferenceRace = (error: unknown) =>
  error instanceof Error && error.name === "TransactionCanceledException" && /ConditionalCheckFailed|TransactionConflict/.test(error.message);
