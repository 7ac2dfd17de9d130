import * as v from "valibot";
import { getItem, itemType, keys, putItem, putNewItem, TaskTokenItems } from "@fidelio/core/dynamo";
import { isConditionFailure } from "@fidelio/core/error";
import { clock } from "@fidelio/core/clock";

const tokenStatuses = ["waiting", "succeeded", "failed", "timed_out", "abandoned"] as const;
export type TokenStatus = (typeof tokenStatuses)[number];

/** What the local runner keeps of its callback waits, so deadlines and used tokens survive a restart. */
export interface TaskTokenStore {
  /**
   * Records `token` as the wait of `executionName` and abandons the execution's previous token.
   * `waitKey` names the wait (who, until when): the same wait issued again after a restart keeps
   * the due time first recorded, so a time-scaled deadline does not start over.
   */
  issue(input: { token: string; executionName: string; waitKey: string; dueAt: number }): Promise<{ dueAt: number }>;
  /** Moves a waiting token to `status`; false when it was not waiting (used, timed out, abandoned, unknown). */
  settle(token: string, status: Exclude<TokenStatus, "waiting">): Promise<boolean>;
  /** The token's status, undefined when unknown. */
  status(token: string): Promise<TokenStatus | undefined>;
}

const waitItem = itemType("workflow wait", v.object({ token: v.string(), waitKey: v.string(), dueAt: v.number() }));
const tokenItem = itemType("task token", v.object({ executionName: v.string(), status: v.picklist(tokenStatuses), dueAt: v.number() }));

// A month past the deadline, the records only matter to nobody.
const ttlAfter = (dueAt: number) => Math.floor(dueAt / 1000) + 30 * 24 * 3600;

/** The store in the app's own table (DynamoDB Local), under the keys in core's key module. */
export const dynamoTaskTokenStore: TaskTokenStore = {
  async issue({ token, executionName, waitKey, dueAt }) {
    const previous = await getItem(waitItem, keys.workflowWait(executionName), true);
    const kept = previous?.waitKey === waitKey ? previous.dueAt : dueAt;
    if (previous) await this.settle(previous.token, "abandoned");
    await putNewItem({ ...keys.taskToken(token), executionName, status: "waiting", dueAt: kept, ttl: ttlAfter(kept) });
    await putItem({ ...keys.workflowWait(executionName), token, waitKey, dueAt: kept, ttl: ttlAfter(kept) });
    return { dueAt: kept };
  },

  async settle(token, status) {
    const item = await getItem(tokenItem, keys.taskToken(token), true);
    if (item?.status !== "waiting") return false;
    try {
      await TaskTokenItems.settle({ ...keys.taskToken(token), ...item, status, settledAt: clock.iso(), ttl: ttlAfter(item.dueAt) });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async status(token) {
    return (await getItem(tokenItem, keys.taskToken(token), true))?.status;
  },
};
