import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { putItem } from "@fidelio/core/dynamo";
import { limits, RateLimit } from "@fidelio/core/rate-limit";
import { clock } from "@fidelio/core/clock";
import { closeAgents, postJson, type HttpAnswer } from "../support/http";
import { startTestServer } from "../support/server";

/** Rate limits on sign-in, over real HTTP from distinct loopback source addresses. */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  closeAgents();
  await server?.stop();
});

const WINDOW_MS = 60_000;
const windowOf = (ms: number) => Math.floor(ms / WINDOW_MS);

/**
 * Limits count in fixed one-minute windows, so a burst that straddles a minute sees two allowances:
 * exactly `max` pass within one window, between `max` and twice that across two.
 */
function expectAllowance(passed: number, max: number, began: number) {
  const windows = windowOf(clock.ms()) - windowOf(began) + 1;
  if (windows === 1) expect(passed).toBe(max);
  else expect(passed).toBeGreaterThanOrEqual(max), expect(passed).toBeLessThanOrEqual(max * windows);
}

/** `total` requests from one address, at most `parallel` in flight, as fast as the server answers. */
async function burst(total: number, parallel: number, send: (i: number) => Promise<HttpAnswer>) {
  const answers: HttpAnswer[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < total) answers.push(await send(next++));
    }),
  );
  return answers;
}

const rateLimited = (answers: HttpAnswer[]) => answers.filter((a) => a.status === 429 && a.body.error === "rate_limited");

describe("sign-in rate limits", () => {
  it("limits auth/start per client address: of 1,000 from one address, 60 pass and the rest answer 429 with Retry-After", async () => {
    const { perClient } = limits["auth-start"];
    const start = (from: string, i: number) => postJson(`${server.url}/api/auth/start`, { email: `flood-${i}@limits.fidelio.test` }, { from });
    const began = clock.ms();
    const answers = await burst(1_000, 50, (i) => start("127.0.0.1", i));
    console.log(`1,000 auth/start from one address answered in ${((clock.ms() - began) / 1000).toFixed(1)} s`);
    const passed = answers.filter((a) => a.status === 202).length;
    expectAllowance(passed, perClient.max, began);
    expect(rateLimited(answers)).toHaveLength(1_000 - passed);
    for (const answer of rateLimited(answers)) {
      const retryAfter = Number(answer.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    // Another address is not held back by this one.
    expect((await start("127.0.0.2", 0)).status).toBe(202);
  }, 180_000);

  it("limits auth/start overall, across client addresses", async () => {
    const { overall } = limits["auth-start"];
    // The primed counter must still be the current one when the requests arrive.
    if (WINDOW_MS - (clock.ms() % WINDOW_MS) < 10_000) await new Promise((resolve) => setTimeout(resolve, WINDOW_MS - (clock.ms() % WINDOW_MS) + 50));
    // As if many addresses had already used all but 5 of this minute's overall allowance (reaching it
    // for real takes 1,200 sign-in starts, too slow to repeat on every test run).
    const { key, windowEnd } = RateLimit.counterKey("auth-start", "overall");
    await putItem({ ...key, hits: overall.max - 5, ttl: Math.ceil(windowEnd / 1000) + 60 });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postJson(`${server.url}/api/auth/start`, { email: `crowd-${i}@limits.fidelio.test` }, { from: `127.0.1.${i + 1}` })),
    );
    expect(answers.filter((a) => a.status === 202)).toHaveLength(5);
    expect(rateLimited(answers)).toHaveLength(5);
    expect(Number(rateLimited(answers)[0]!.headers["retry-after"])).toBeLessThanOrEqual(Math.ceil((windowEnd - clock.ms()) / 1000) + 1);
  });

  it("limits auth/verify per client address", async () => {
    const { perClient } = limits["auth-verify"];
    const from = "127.0.2.1";
    const began = clock.ms();
    const answers = await burst(perClient.max + 30, 20, () =>
      postJson(`${server.url}/api/auth/verify`, { email: "guesser@limits.fidelio.test", code: "123456" }, { from }),
    );
    const passed = answers.filter((a) => a.status === 401).length;
    expectAllowance(passed, perClient.max, began);
    expect(rateLimited(answers)).toHaveLength(answers.length - passed);
    for (const answer of rateLimited(answers)) expect(Number(answer.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    // Another address is not held back by this one.
    const other = await postJson(`${server.url}/api/auth/verify`, { email: "guesser@limits.fidelio.test", code: "123456" }, { from: "127.0.2.2" });
    expect(other.status).toBe(401);
  }, 120_000);
});
