import * as v from "valibot";
import type { Item } from "../dynamo/client";
import { fromItem as parseItem, itemType } from "../dynamo/item-type";
import { keys } from "../dynamo/keys";
import { IepContent, type IepVersion } from "./schema";

export * from "./schema";

const iepItem = itemType<IepVersion>(
  "IEP version",
  v.object({ ...IepContent.entries, studentId: v.string(), version: v.number(), createdAt: v.string(), createdBy: v.string() }),
);

/**
 * IEP versions are effective-dated and never edited in place: an amendment is a new version.
 * The snapshot in effect on a day is the highest version whose effectiveFrom is on or before it.
 */
export namespace Iep {
  export function inEffect(versions: IepVersion[], onDay: string): IepVersion | undefined {
    return versions
      .filter((iep) => iep.effectiveFrom <= onDay)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version)
      .at(-1);
  }

  export function latest(versions: IepVersion[]): IepVersion | undefined {
    return [...versions].sort((a, b) => a.version - b.version).at(-1);
  }

  /** Same content means no new version: re-importing an unchanged IEP changes nothing. */
  export function sameContent(a: IepContent, b: IepContent) {
    const pick = (iep: IepContent) => JSON.stringify([iep.accommodations, iep.modifications, iep.services, iep.goals]);
    return pick(a) === pick(b);
  }

  export function toItem(iep: IepVersion) {
    return { ...keys.iepVersion(iep.studentId, iep.effectiveFrom, iep.version), type: "iep", ...iep };
  }

  export const fromItem = (item: Item): IepVersion => parseItem(iepItem, item);

  /**
   * The claim on a version number, put only if absent in the same transaction as the version: whoever
   * writes a version (an editor in Fidelio, the roster import) claims its number, so two writers who
   * read the same latest version never both make the next one.
   */
  export function claimItem(iep: IepVersion) {
    return { ...keys.iepVersionClaim(iep.studentId, iep.version), type: "iep-claim", at: iep.createdAt };
  }
}
