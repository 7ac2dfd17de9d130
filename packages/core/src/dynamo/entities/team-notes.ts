import type { Item, TransactPut } from "../client";
import { putAtVersionOp, putNew } from "../write";

/** A team note on a student's week, in the caller's transaction: the first save creates it (version 1), each later one replaces it only at the version its writer read. */
export namespace TeamNoteItems {
  export const save = (item: Item & { version: number }, readVersion: number): TransactPut =>
    readVersion === 0 ? putNew(item) : putAtVersionOp(item, readVersion);
}
