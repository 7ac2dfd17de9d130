import { putItem, type Item, type TransactPut } from "../client";

/** A weekly fidelity form's item: the writes that depend on what is stored. A new form is `putNew`. */
export namespace FormItems {
  /** Rewrites a form nobody has touched yet: refused unless the stored one is still at version 0 and `not_started`. */
  export const replaceUntouched = (item: Item) =>
    putItem(item, "#v = :zero AND #s = :untouched", { "#v": "version", "#s": "status" }, { ":zero": 0, ":untouched": "not_started" });

  /** Moves a draft to another plan, in the caller's transaction: refused unless the stored form is still a draft at `storedVersion`. */
  export const replaceDraft = (item: Item, storedVersion: number): TransactPut => ({
    put: item,
    condition: "#v = :v AND #s = :draft",
    names: { "#v": "version", "#s": "status" },
    values: { ":v": storedVersion, ":draft": "draft" },
  });

  /** A save, submit or correction, in the caller's transaction: refused unless the form exists at `expectedVersion`. */
  export const save = (item: Item, expectedVersion: number): TransactPut => ({
    put: item,
    condition: "attribute_exists(pk) AND #v = :v",
    names: { "#v": "version" },
    values: { ":v": expectedVersion },
  });
}
