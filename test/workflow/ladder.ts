import type { ApplyOutcomeInput, EscalationLevel, Position, RecordFailureInput, WaitSpec, Waiting, WorkflowSteps } from "@fidelio/core/workflow";

const levels: EscalationLevel[] = ["teacher", "case_manager", "director", "advocate"];

/**
 * The smallest ladder that exercises the state machine: the test's implementation of the
 * WorkflowSteps seam (the concern module provides the real one). Each concern climbs a level on
 * escalate, dispute or timeout, and closes on resolve.
 */
export function ladder(options: { timeoutSeconds: number; prepare?: (concernId: string, attempt: number) => void }) {
  const concerns = new Map<string, { level: number; wait?: WaitSpec; closed: boolean; prepareAttempts: number }>();
  const tokens: Array<{ concernId: string; token: string; level: EscalationLevel }> = [];
  const listeners: Array<() => void> = [];
  const applied: ApplyOutcomeInput[] = [];
  const failures: RecordFailureInput[] = [];
  const concern = (id: string) => {
    let found = concerns.get(id);
    if (!found) concerns.set(id, (found = { level: -1, closed: false, prepareAttempts: 0 }));
    return found;
  };

  const steps: WorkflowSteps = {
    async prepareLevel({ concernId }): Promise<Waiting> {
      const c = concern(concernId);
      options.prepare?.(concernId, ++c.prepareAttempts);
      c.level += 1;
      const deadline = new Date(Date.now() + options.timeoutSeconds * 1000).toISOString();
      c.wait = { for: "assignee", level: levels[c.level]!, deadline, timeoutSeconds: options.timeoutSeconds };
      return { concernId, next: "wait", wait: c.wait };
    },
    async waitForAnswer({ concernId, taskToken, wait }) {
      tokens.push({ concernId, token: taskToken, level: wait.level });
      for (const notify of listeners.splice(0)) notify();
    },
    async applyOutcome(input): Promise<Position> {
      applied.push(input);
      const c = concern(input.concernId);
      const { outcome } = input;
      if (outcome.kind === "resume") {
        if (c.closed) return { concernId: input.concernId, next: "closed" };
        return c.wait ? { concernId: input.concernId, next: "wait", wait: c.wait } : { concernId: input.concernId, next: "prepare" };
      }
      c.wait = undefined;
      if (outcome.kind === "answer" && outcome.action === "resolve") c.closed = true;
      return c.closed ? { concernId: input.concernId, next: "closed" } : { concernId: input.concernId, next: "prepare" };
    },
    async recordFailure(input) {
      failures.push(input);
    },
  };

  /** The n-th token issued for `concernId` (1-based; at `level` if given), once its wait has stored it. */
  async function token(concernId: string, n = 1, level?: EscalationLevel): Promise<string> {
    for (;;) {
      const issued = tokens.filter((t) => t.concernId === concernId && (level === undefined || t.level === level));
      if (issued.length >= n) return issued[n - 1]!.token;
      await new Promise<void>((resolve) => listeners.push(resolve));
    }
  }

  return { steps, token, tokens, applied, failures, level: (id: string) => levels[concern(id).level] };
}
