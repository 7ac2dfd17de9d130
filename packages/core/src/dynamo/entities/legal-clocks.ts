import { keys } from "../keys";
import type { TransactDelete, TransactPut } from "../client";

/** What the director's board shows of a legal clock without reading the concern or request behind it. */
export interface LegalClockEntry {
  districtId: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  studentId: string;
  studentName: string;
  /** The concern or records request that started it. */
  recordId: string;
  reference?: string;
}

/** The district's legal clocks by the day they end: put and removed in the transaction that starts or ends each one. */
export namespace LegalClockItems {
  const keyOf = (e: Pick<LegalClockEntry, "districtId" | "endsOn" | "kind" | "recordId">) => keys.legalClock(e.districtId, e.endsOn, e.kind, e.recordId);
  export const put = (entry: LegalClockEntry): TransactPut => ({ put: { ...keyOf(entry), type: "legal-clock", ...entry } });
  export const remove = (entry: Pick<LegalClockEntry, "districtId" | "endsOn" | "kind" | "recordId">): TransactDelete => ({ delete: keyOf(entry) });
}
