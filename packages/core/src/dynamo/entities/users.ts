import type { Item, TransactDelete, TransactPut, TransactUpdate } from "../client";
import { keys } from "../keys";
import { updateItem } from "../update";

/** A person's user item and the claim on their address: the writes that are conditional. */
export namespace UserItems {
  /** Sets the language and answers the item after it; refused when the user item does not exist. */
  export const setLanguage = (userId: string, language: string) =>
    updateItem(keys.user(userId), "SET #language = :language", {
      condition: "attribute_exists(pk)",
      names: { "#language": "language" },
      values: { ":language": language },
    });

  /** Sets the language only if none is stored yet (a choice made meanwhile wins); refused when the user item does not exist. */
  export const setFirstLanguage = (userId: string, language: string): TransactUpdate => ({
    update: keys.user(userId),
    expression: "SET #language = if_not_exists(#language, :language)",
    condition: "attribute_exists(pk)",
    names: { "#language": "language" },
    values: { ":language": language },
  });

  /**
   * Stores `flag` as the user's undeliverable mark. Refused when the user item does not exist, when
   * its address is no longer `email`, or when the mark stored is as new as `flag.at` or newer.
   */
  export const flagUndeliverable = (userId: string, email: string, flag: Item & { at: string }) =>
    updateItem(keys.user(userId), "SET #flag = :flag", {
      condition: "attribute_exists(pk) AND #email = :email AND (attribute_not_exists(#flag) OR #flag.#at < :at)",
      names: { "#flag": "emailUndeliverable", "#email": "email", "#at": "at" },
      values: { ":flag": flag, ":email": email, ":at": flag.at },
    });

  /**
   * Rewrites a whole user item as it was read: refused unless the item still exists with the roles
   * `heldRoles` and the language `language` (none stored when undefined).
   */
  export const replaceUnchanged = (item: Item, heldRoles: string[], language: unknown): TransactPut => ({
    put: item,
    condition: `attribute_exists(pk) AND #roles = :held AND ${language === undefined ? "attribute_not_exists(#language)" : "#language = :language"}`,
    names: { "#roles": "roles", "#language": "language" },
    values: { ":held": heldRoles, ...(language !== undefined && { ":language": language }) },
  });

  /** Deletes the claim on `email`, only while it is still `userId`'s. */
  export const releaseEmail = (email: string, userId: string): TransactDelete => ({
    delete: keys.email(email),
    condition: "userId = :id",
    values: { ":id": userId },
  });
}
