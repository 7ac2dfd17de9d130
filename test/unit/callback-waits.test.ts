import { describe, expect, it } from "vitest";
import { CallbackWaits, taskTokenPlaceholder } from "@fidelio/local/workflow/callback-waits";
import type { TaskTokenStore, TokenStatus } from "@fidelio/local/workflow/token-store";

/** The store's rules in memory: a wait issued again keeps its first due time, as after a restart. */
function memoryStore(dueAt: number): TaskTokenStore {
  const tokens = new Map<string, TokenStatus>();
  return {
    async issue({ token }) {
      tokens.set(token, "waiting");
      return { dueAt };
    },
    async settle(token, status) {
      if (tokens.get(token) !== "waiting") return false;
      tokens.set(token, status);
      return true;
    },
    async status(token) {
      return tokens.get(token);
    },
  };
}

const run = { active: () => true, track: <T>(work: Promise<T>) => work };
const payload = (deadline: Date) => ({
  Payload: {
    taskToken: taskTokenPlaceholder,
    wait: { for: "assignee", level: "teacher", deadline: deadline.toISOString(), timeoutSeconds: 1 },
  },
});

describe("a wait whose deadline passes while its step still runs", () => {
  // A restarted stack issues the wait again with the due time it had before the crash, often already
  // past: the deadline fires while the step (storing the token on the concern) is still writing.
  it("ends the wait with States.Timeout once the step is done, and leaves no unhandled rejection", async () => {
    const waits = new CallbackWaits(memoryStore(Date.now() - 1_000), { timeScale: 1, renewAfterMs: 60_000, renew: () => {} });
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const step = () => new Promise((done) => setTimeout(done, 50));
      const ended = waits.wait("execution-1", payload(new Date(Date.now() - 1_000)), step, run);
      await expect(ended).rejects.toMatchObject({ name: "States.Timeout" });
      // An unhandled rejection is reported on the next turn of the event loop.
      await new Promise((done) => setTimeout(done, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });
});
