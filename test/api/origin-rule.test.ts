import { beforeAll, describe, expect, it } from "vitest";
import { app } from "@fidelio/functions/api/app";
import { seedDemo } from "../support/demo-table";
import { signIn } from "../support/api";

/**
 * One rule decides between the origin check and the token: a request is cookie-authenticated (origin
 * checked) unless it carries a well-formed bearer token that authenticates; a malformed header is 401.
 */
let token = "";
const foreign = "https://evil.example";
// app.request serves http://localhost: that is this app's own origin here.
const own = "http://localhost";

beforeAll(async () => {
  await seedDemo();
  token = await signIn("parent@demo.fidelio.test");
});

const putMe = (headers: Record<string, string>) =>
  app.request("/api/me", { method: "PUT", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ language: "es" }) });
const cookie = () => ({ cookie: `fidelio_session=${token}` });

describe("origin check and bearer token", () => {
  it("refuses a foreign Origin with the cookie and a malformed Authorization header (401), and without the header (403)", async () => {
    for (const authorization of ["Bearer x y", "Bearer", "Bearer ", "Basic dXNlcjpwdw==", `Bearer ${token} extra`, `Token ${token}`, "bearer\tx"]) {
      const res = await putMe({ ...cookie(), origin: foreign, authorization });
      expect(res.status, authorization).toBe(401);
    }
    expect((await putMe({ ...cookie(), origin: foreign })).status).toBe(403);
  });

  it("judges a well-formed bearer token that does not authenticate as a cookie request: origin checked", async () => {
    const bogus = `fid_usr_x.${"A".repeat(43)}`;
    expect((await putMe({ ...cookie(), origin: foreign, authorization: `Bearer ${bogus}` })).status).toBe(403);
    // From the app's own origin it gets no further either: the bearer is what it claims, and it is wrong.
    expect((await putMe({ ...cookie(), origin: own, authorization: `Bearer ${bogus}` })).status).toBe(401);
  });

  it("refuses a foreign Origin that Sec-Fetch-Site claims is same-origin, and any cross-site Sec-Fetch-Site from the own origin", async () => {
    expect((await putMe({ ...cookie(), origin: foreign, "sec-fetch-site": "same-origin" })).status).toBe(403);
    expect((await putMe({ ...cookie(), origin: own, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await putMe({ ...cookie(), "sec-fetch-site": "same-site" })).status).toBe(403);
  });

  it("lets the app's own pages, scripts and real bearer tokens through", async () => {
    expect((await putMe({ ...cookie(), origin: own, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await putMe({ ...cookie() })).status).toBe(200);
    expect((await putMe({ authorization: `Bearer ${token}`, origin: foreign })).status).toBe(200);
  });

  it("answers 401 to a malformed Authorization header on reads too, whatever the cookie", async () => {
    const res = await app.request("/api/me", { headers: { ...cookie(), authorization: "Bearer x y" } });
    expect(res.status).toBe(401);
    expect((await app.request("/api/me", { headers: cookie() })).status).toBe(200);
  });
});
