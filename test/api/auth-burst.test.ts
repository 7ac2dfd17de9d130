import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getItem, keys } from "@fidelio/core/dynamo";
import { hashEmail } from "@fidelio/core/auth/secrets";
import { closeAgents, postJson, type HttpAnswer } from "../support/http";
import { codeAfter, emailsTo, latestCode } from "../support/mail";
import { startTestServer } from "../support/server";
import { createUser } from "../support/users";

/** Bursts of real parallel HTTP requests against the local server, as an attacker would send them. */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  closeAgents();
  await server?.stop();
});

// Each burst comes from its own loopback address: the per-code lockout must hold without help from
// the per-address rate limit.
let nextSource = 10;
const source = () => `127.0.0.${nextSource++}`;
const wrong = (code: string, n: number) => String((Number(code) + 1 + n) % 1_000_000).padStart(6, "0");
const start = (email: string, from: string) => postJson(`${server.url}/api/auth/start`, { email }, { from });
const verify = (email: string, code: string, from: string) => postJson(`${server.url}/api/auth/verify`, { email, code }, { from });
const triesOf = async (email: string) => (await getItem<{ tries: number }>(keys.signInCode(hashEmail(email)), true))?.tries;
const count = (answers: HttpAnswer[], status: number) => answers.filter((a) => a.status === status).length;

async function freshCode(email: string, from: string) {
  await createUser(email, ["teacher"]);
  return codeAfter(email, async () => expect((await start(email, from)).status).toBe(202));
}

describe("sign-in under bursts", () => {
  it("judges at most 5 tries of a code, however many arrive at once", async () => {
    const email = "parallel-wrong@burst.fidelio.test";
    const from = source();
    const code = await freshCode(email, from);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => verify(email, wrong(code, n), from)));
    expect(count(answers, 401)).toBe(4);
    expect(count(answers, 429)).toBe(26);
    expect(await triesOf(email)).toBe(5);
    expect((await verify(email, code, from)).status).toBe(429);
  });

  it("answers every request of 60 wrong codes and a second code request, with no retry storm", async () => {
    const email = "storm@burst.fidelio.test";
    const from = source();
    const code = await freshCode(email, from);
    const seen = (await emailsTo(email)).length;
    const began = Date.now();
    const wrongs = Array.from({ length: 60 }, (_, n) => verify(email, wrong(code, n), from));
    const second = new Promise<HttpAnswer>((resolve, reject) => setTimeout(() => start(email, from).then(resolve, reject), 40));
    const answers = await Promise.all(wrongs);
    expect((await second).status).toBe(202);
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    // Two codes were live during the burst; each had at most 5 tries judged (4 answer 401, the 5th 429).
    expect(count(answers, 401)).toBeLessThanOrEqual(8);
    expect(await triesOf(email)).toBeLessThanOrEqual(5);
    // The server is still answering at once, and the second code works if no burst try reached it.
    const newest = await latestCode(email, seen);
    const after = await verify(email, newest, from);
    expect([200, 429]).toContain(after.status);
  });

  it("never accepts the right code inside a burst once 5 tries of it were judged", async () => {
    for (let round = 0; round < 6; round++) {
      const email = `right-in-burst-${round}@burst.fidelio.test`;
      const from = source();
      const code = await freshCode(email, from);
      const wrongs = Array.from({ length: 30 }, (_, n) => verify(email, wrong(code, n), from));
      const right = verify(email, code, from);
      const answers = await Promise.all(wrongs);
      const rightAnswer = await right;
      expect(await triesOf(email)).toBeLessThanOrEqual(5);
      // Refused: exactly the first 5 claims were judged. Accepted: the right code held one of them.
      if (rightAnswer.status !== 200) {
        expect(rightAnswer.status).toBe(429);
        expect(count(answers, 401)).toBe(4);
      }
    }
  });

  it("refuses the right code sent while a burst is still in flight, after 5 tries answered", async () => {
    const email = "right-after-fifth@burst.fidelio.test";
    const from = source();
    const code = await freshCode(email, from);
    let answered = 0;
    let fifthAnswered!: () => void;
    const fifth = new Promise<void>((resolve) => (fifthAnswered = resolve));
    const wrongs = Array.from({ length: 30 }, (_, n) => verify(email, wrong(code, n), from).then((answer) => (++answered === 5 && fifthAnswered(), answer)));
    await fifth;
    const right = await verify(email, code, from);
    await Promise.all(wrongs);
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ error: "code_locked" });
  });

  it("emails at most 5 codes for 20 parallel code requests for one address", async () => {
    const email = "many-starts@burst.fidelio.test";
    await createUser(email, ["teacher"]);
    const from = source();
    const answers = await Promise.all(Array.from({ length: 20 }, () => start(email, from)));
    expect(answers.every((a) => a.status === 202)).toBe(true);
    await latestCode(email);
    // The outbox delivers within a few hundred ms; give stragglers ample time to show up.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const emailed = (await emailsTo(email)).length;
    expect(emailed).toBeGreaterThanOrEqual(1);
    expect(emailed).toBeLessThanOrEqual(5);
  });
});
