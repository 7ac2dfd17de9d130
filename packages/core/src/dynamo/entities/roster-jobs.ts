import type { TransactPut } from "../client";
import { keys } from "../keys";

/** A district's roster import slot: one import at a time. A job's own item is written with `putNew`, `putAtVersion`, `deleteAtVersion`. */
export namespace RosterJobItems {
  /**
   * Points the district's slot at `jobId`, in the transaction that creates the job: refused unless the
   * slot is still as read, absent when `seen` is undefined, else naming the job `seen`.
   */
  export const takeSlot = (districtId: string, jobId: string, seen: string | undefined): TransactPut => ({
    put: { ...keys.rosterSlot(districtId), type: "roster-slot", jobId },
    ...(seen === undefined ? { condition: "attribute_not_exists(pk)" } : { condition: "jobId = :seen", values: { ":seen": seen } }),
  });
}
