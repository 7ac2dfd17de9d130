import { updateItem } from "../update";

/** A rate limit's counter of one window. */
export namespace RateCounterItems {
  /** Counts one hit and sets the counter's expiry `ttl` (epoch seconds); refused once the counter holds `max`. */
  export const hit = (key: { pk: string; sk: string }, max: number, ttl: number) =>
    updateItem(key, "ADD hits :one SET #ttl = :ttl", {
      condition: "attribute_not_exists(hits) OR hits < :max",
      names: { "#ttl": "ttl" },
      values: { ":one": 1, ":max": max, ":ttl": ttl },
    });
}
