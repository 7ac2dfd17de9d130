import type { Item, TransactPut, TransactUpdate } from "../client";
import { keys } from "../keys";
import { updateItem } from "../update";

/**
 * A concern's item and the items beside it (reference counter, board counters, its emails): the writes
 * that depend on what is stored. A new concern, event, reference or link is `putNew`.
 */
export namespace ConcernItems {
  /**
   * Replaces the concern in the caller's transaction, refused unless it is still at the version the
   * writer read and holds the same workflow task token (or none), so an answer and a deadline cannot both win.
   */
  export const replace = (item: Item, read: { version: number; taskToken?: string }): TransactPut => ({
    put: item,
    condition: `#v = :v AND ${read.taskToken ? "#t = :t" : "attribute_not_exists(#t)"}`,
    names: { "#v": "version", "#t": "taskToken" },
    values: { ":v": read.version, ...(read.taskToken && { ":t": read.taskToken }) },
  });

  /** What a wait is for: the concern is still waiting at that level for that deadline. */
  export type Wait = { for: string; level: string; deadline: string };

  /** Stores the workflow's task token on the concern, refused unless the concern is still in `wait`. */
  export const storeTaskToken = (concernId: string, taskToken: string, wait: Wait) =>
    updateItem(keys.concern(concernId), "SET #t = :t", {
      condition: "#stage = :wait AND #w.#for = :for AND #w.#level = :level AND #w.deadline = :deadline",
      names: { "#t": "taskToken", "#stage": "stage", "#w": "wait", "#for": "for", "#level": "level" },
      values: { ":t": taskToken, ":wait": "wait", ":for": wait.for, ":level": wait.level, ":deadline": wait.deadline },
    });

  /** Sets a new wait and drops the task token, refused unless the concern is at `version` with that token. */
  export const renewWait = (concernId: string, wait: unknown, read: { version: number; taskToken?: string }) =>
    updateItem(keys.concern(concernId), "SET #w = :w, #v = :next REMOVE #t", {
      condition: "#v = :v AND #t = :t",
      names: { "#w": "wait", "#v": "version", "#t": "taskToken" },
      values: { ":w": wait, ":v": read.version, ":next": read.version + 1, ":t": read.taskToken },
    });

  /** Moves the timeline's head after an appended event, in the caller's transaction, refused unless still at `version`. */
  export const moveHead = (concernId: string, head: { seq: number; hash: string }, version: number, now: string): TransactUpdate => ({
    update: keys.concern(concernId),
    expression: "SET #head = :head, #v = :next, updatedAt = :now",
    condition: "#v = :v",
    names: { "#head": "head", "#v": "version" },
    values: { ":head": head, ":next": version + 1, ":v": version, ":now": now },
  });

  /** Marks one of the concern's emails undeliverable, once: refused if it is gone or already `failed`. */
  export const markEmailFailed = (mailKey: { pk: string; sk: string }, now: string): TransactUpdate => ({
    update: mailKey,
    expression: "SET #s = :failed, failedAt = :now",
    condition: "attribute_exists(pk) AND (attribute_not_exists(#s) OR #s <> :failed)",
    names: { "#s": "status" },
    values: { ":failed": "failed", ":now": now },
  });

  /**
   * Moves a district's reference counter from the value read to `next` (created when `last` is undefined),
   * so of two filings that read the same value one commits and the other is cancelled and reads again.
   */
  export const takeReferenceNumber = (counterKey: { pk: string; sk: string }, last: number | undefined, next: number): TransactUpdate => ({
    update: counterKey,
    expression: "SET #last = :next, #type = :type",
    condition: last === undefined ? "attribute_not_exists(#last)" : "#last = :last",
    names: { "#last": "last", "#type": "type" },
    values: { ":next": next, ":type": "concern-reference-counter", ...(last !== undefined && { ":last": last }) },
  });

  /**
   * Adds `deltas` to a board counter item and sets `set` on it. No condition on purpose: ADD commutes,
   * so two concerns moving at once both count. Nothing to write when every delta is 0.
   */
  export function addToCounters(
    key: { pk: string; sk: string },
    deltas: Record<string, number>,
    set: Record<string, unknown> = {},
  ): TransactUpdate | undefined {
    const adds = Object.entries(deltas).filter(([, n]) => n !== 0);
    if (adds.length === 0) return undefined;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const parts = adds.map(([name, n], i) => ((names[`#a${i}`] = name), (values[`:a${i}`] = n), `#a${i} :a${i}`));
    const sets = Object.entries(set).map(([name, value], i) => ((names[`#s${i}`] = name), (values[`:s${i}`] = value), `#s${i} = :s${i}`));
    return { update: key, expression: `ADD ${parts.join(", ")}${sets.length ? ` SET ${sets.join(", ")}` : ""}`, names, values };
  }
}
