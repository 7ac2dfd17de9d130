import { putItem, type Item, type TransactPut } from "./client";
import { deleteItem } from "./update";

/**
 * The two guards most writes share, each declared once. An entity's own conditions (a form's status,
 * an outbox item's lease, a sign-in code's tries) are in its module under ./entities.
 */

const absent = "attribute_not_exists(pk)";

/** A transaction put that creates `item`: refused when an item with its key exists (a duplicate, or a race lost). */
export const putNew = (item: Item): TransactPut => ({ put: item, condition: absent });

/** One PutItem that creates `item`, refused like `putNew` (see `isConditionFailure`). */
export const putNewItem = (item: Item) => putItem(item, absent);

/** Optimistic concurrency: replaces the stored item only while its `version` is still the one the writer read. */
export const putAtVersion = (item: Item, version: number) => putItem(item, "#v = :v", { "#v": "version" }, { ":v": version });

/** Deletes the item only while its `version` is still the one the caller read. */
export const deleteAtVersion = (key: { pk: string; sk: string }, version: number) =>
  deleteItem(key, { condition: "#v = :v", names: { "#v": "version" }, values: { ":v": version } });
