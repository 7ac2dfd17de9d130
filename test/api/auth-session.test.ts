import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { hashToken } from "@fidelio/core/auth/secrets";
import { District } from "@fidelio/core/district";
import { getItem, keys, putItem } from "@fidelio/core/dynamo";
import { User, type UserInfo } from "@fidelio/core/user";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { createUser } from "../support/users";

/** Every request is judged with the user's current roles, read from the user item, not a sign-in snapshot. */
const DIRECTOR = "director@demo.fidelio.test";

async function setRoles(email: string, roles: UserInfo["roles"]) {
  // The roster import writes the user item through core the same way.
  const user = (await User.byEmail(email))!;
  await putItem(User.toItems({ ...user, roles }).user);
}

const studentCount = async (token: string) => ((await (await call("/api/students", { token })).json()) as { items: unknown[] }).items.length;

describe("sessions follow the user's current roles", () => {
  beforeAll(async () => {
    await seedDemo();
  });

  it("ends a role with the very next request, and the session with the last role", async () => {
    const token = await signIn(DIRECTOR);
    expect((await call("/api/admin/district", { token })).status).toBe(200);
    expect(await studentCount(token)).toBeGreaterThan(0);

    await setRoles(DIRECTOR, ["teacher"]);
    expect(await (await call("/api/me", { token })).json()).toMatchObject({ roles: ["teacher"] });
    expect((await call("/api/admin/district", { token })).status).toBe(403);
    expect(await studentCount(token)).toBe(0);

    await setRoles(DIRECTOR, []);
    const ended = await call("/api/me", { token });
    expect(ended.status).toBe(401);
    expect(await ended.json()).toMatchObject({ error: "unauthenticated" });

    // A role given back applies at once too: the session itself was never rewritten.
    await setRoles(DIRECTOR, ["director"]);
    expect((await call("/api/admin/district", { token })).status).toBe(200);
  });

  it("does not sign in a user who has no role left", async () => {
    const email = "no-roles@session.fidelio.test";
    await createUser(email, ["teacher"]);
    await setRoles(email, []);
    await expect(signIn(email)).rejects.toThrow(/verify answered 401/);
  });

  it("accepts a token only whole: another user's id in it gets 401", async () => {
    const email = "whole-token@session.fidelio.test";
    const other = await createUser("other@session.fidelio.test", ["teacher"]);
    await createUser(email, ["teacher"]);
    const token = await signIn(email);
    expect((await call("/api/me", { token })).status).toBe(200);
    const forged = token.replace(/^fid_usr_[0-9a-z]+\./, `fid_${other.id}.`);
    expect(forged).not.toBe(token);
    expect((await call("/api/me", { token: forged })).status).toBe(401);
  });

  it("names the district in the token: another district's id gets 401, and so does a user moved to another district", async () => {
    const { districtId } = await seedDemo();
    const email = "moved@session.fidelio.test";
    const user = await createUser(email, ["teacher"], districtId);
    const token = await signIn(email);
    expect(token).toMatch(new RegExp(`^fid_${user.id}\\.${districtId}\\.`));
    const demo = (await District.load(districtId))!;
    expect(await (await call("/api/me", { token })).json()).toMatchObject({ district: { id: districtId, name: demo.name } });

    const forged = token.replace(`.${districtId}.`, ".dis_01other00000000000000000000.");
    expect((await call("/api/me", { token: forged })).status).toBe(401);

    await putItem(User.toItems({ ...user, districtId: "dis_01other00000000000000000000" }).user);
    expect((await call("/api/me", { token })).status).toBe(401);
    expect((await call("/api/students", { token })).status).toBe(401);
  });

  it("accepts a token that names no district, reading the district after the session", async () => {
    const { districtId } = await seedDemo();
    const email = "no-district-token@session.fidelio.test";
    await createUser(email, ["teacher"], districtId);
    const token = await signIn(email);
    // The same stored session under a token of the form without the district id.
    const withoutDistrict = token.replace(/^(fid_usr_[0-9a-z]+\.)dis_[0-9a-z]+\.[A-Za-z0-9_-]+$/, `$1${randomBytes(32).toString("base64url")}`);
    expect(withoutDistrict).not.toBe(token);
    await putItem({ ...(await getItem(keys.session(hashToken(token)), true))!, ...keys.session(hashToken(withoutDistrict)) });
    const demo = (await District.load(districtId))!;
    for (const t of [token, withoutDistrict]) {
      const me = await call("/api/me", { token: t });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ district: { id: districtId, name: demo.name } });
    }
  });
});
