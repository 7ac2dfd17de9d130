import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getItem, keys } from "@fidelio/core/dynamo";
import { hashEmail } from "@fidelio/core/auth/secrets";
import { createHash } from "node:crypto";
import { call } from "../support/api";
import { codeAfter, emailsTo, latestCode } from "../support/mail";
import { createUser } from "../support/users";

const start = (email: string) => call("/api/auth/start", { body: { email } });
const verify = (email: string, code: string) => call("/api/auth/verify", { body: { email, code } });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("sign-in by emailed code", () => {
  beforeAll(async () => {
    for (const name of ["flow", "unknown-check", "reuse", "expiry", "lockout", "replaced", "hashed"]) {
      await createUser(`${name}@auth.fidelio.test`, ["teacher"]);
    }
  });
  afterEach(() => vi.useRealTimers());

  it("emails a code, exchanges it for a session (Bearer and HttpOnly cookie), and signs out", async () => {
    const email = "flow@auth.fidelio.test";
    expect((await start(email)).status).toBe(202);
    const code = await latestCode(email);
    const answer = await verify(email, code);
    expect(answer.status).toBe(200);
    const { token } = (await answer.json()) as { token: string };
    expect(token).toMatch(/^fid_/);
    const cookie = answer.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`fidelio_session=${token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const byBearer = await call("/api/me", { token });
    expect(byBearer.status).toBe(200);
    expect(await byBearer.json()).toMatchObject({ user: { email }, roles: ["teacher"] });
    const byCookie = await call("/api/me", { headers: { cookie: `fidelio_session=${token}` } });
    expect(byCookie.status).toBe(200);

    expect((await call("/api/auth/signout", { method: "POST", token })).status).toBe(204);
    expect((await call("/api/me", { token })).status).toBe(401);
  });

  it("answers 202 for an unknown address and sends nothing", async () => {
    const known = await start("unknown-check@auth.fidelio.test");
    const unknown = await start("nobody@auth.fidelio.test");
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual(await known.json());
    await latestCode("unknown-check@auth.fidelio.test");
    expect(await emailsTo("nobody@auth.fidelio.test")).toHaveLength(0);
  });

  it("accepts a code only once", async () => {
    const email = "reuse@auth.fidelio.test";
    await start(email);
    const code = await latestCode(email);
    expect((await verify(email, code)).status).toBe(200);
    const again = await verify(email, code);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: "invalid_code" });
  });

  it("rejects a code after 10 minutes", async () => {
    const email = "expiry@auth.fidelio.test";
    await start(email);
    const code = await latestCode(email);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60_000 + 1_000);
    expect((await verify(email, code)).status).toBe(401);
  });

  it("locks the code after 5 wrong tries, even for the right code afterwards", async () => {
    const email = "lockout@auth.fidelio.test";
    await start(email);
    const code = await latestCode(email);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await verify(email, wrong(code))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await verify(email, code);
    expect(right.status).toBe(429);
    expect(await right.json()).toMatchObject({ error: "code_locked" });
  });

  it("replaces an earlier code when a new one is requested", async () => {
    const email = "replaced@auth.fidelio.test";
    const first = await codeAfter(email, () => start(email));
    const second = await codeAfter(email, () => start(email));
    if (first !== second) expect((await verify(email, first)).status).toBe(401);
    expect((await verify(email, second)).status).toBe(200);
  });

  it("stores codes and session tokens only as hashes", async () => {
    const email = "hashed@auth.fidelio.test";
    await start(email);
    const code = await latestCode(email);
    const codeItem = await getItem<{ codeHash: string }>(keys.signInCode(hashEmail(email)));
    expect(codeItem?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(codeItem)).not.toContain(code);
    expect(JSON.stringify(codeItem)).not.toContain(email);
    const { token } = (await (await verify(email, code)).json()) as { token: string };
    const session = await getItem(keys.session(createHash("sha256").update(token).digest("hex")));
    expect(session).toMatchObject({ type: "session", userId: token.slice(4, token.indexOf(".")) });
    expect(JSON.stringify(session)).not.toContain(token.slice(token.indexOf(".") + 1));
  });

  it("rejects malformed input with field messages and changes nothing", async () => {
    const bad = await start("not-an-email");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid", fields: { email: ["Enter a valid email address"] } });
    const badCode = await verify("flow@auth.fidelio.test", "12ab");
    expect(badCode.status).toBe(400);
  });
});
