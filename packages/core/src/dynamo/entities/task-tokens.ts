import { putItem, type Item } from "../client";

/** The local workflow runner's callback task tokens (AWS keeps these inside Step Functions). A new token is `putNewItem`. */
export namespace TaskTokenItems {
  /** Rewrites a token's item with its outcome: refused unless the stored token is still `waiting`. */
  export const settle = (item: Item) => putItem(item, "#s = :waiting", { "#s": "status" }, { ":waiting": "waiting" });
}
