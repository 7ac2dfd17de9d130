import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { Config } from "../config";

/**
 * Codes are 6 digits, so a plain hash of one is trivially reversed; a keyed HMAC means a copy of the
 * table alone does not reveal live codes. Session tokens carry 256 random bits, so SHA-256 suffices.
 */
const authSecret = () => Config.authSecret();

export const hashEmail = (email: string) => createHmac("sha256", authSecret()).update(`email:${email}`).digest("hex");
export const hashCode = (email: string, code: string) => createHmac("sha256", authSecret()).update(`code:${email}:${code}`).digest("hex");
export const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
/** Stands where an unknown address's code hash would be: random, so no code ever matches it. */
export const decoyCodeHash = () => randomBytes(32).toString("hex");

export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, "0");

/**
 * `fid_<userId>.<districtId>.<256 random bits>`: the ids let one BatchGetItem read the session, the
 * user's current item and, for `/api/me`, their district together. Only the hash of the whole token is
 * stored, so the ids in it grant nothing: another id makes another hash, which finds no session.
 * A token without the district id (`fid_<userId>.<random>`) is valid too; its `/api/me` reads the
 * district in a second round.
 */
export const newSessionToken = (userId: string, districtId: string) =>
  `fid_${userId}.${/^dis_[0-9a-z]{1,40}$/.test(districtId) ? `${districtId}.` : ""}${randomBytes(32).toString("base64url")}`;
const sessionToken = /^fid_(usr_[0-9a-z]{1,40})\.(?:(dis_[0-9a-z]{1,40})\.)?[A-Za-z0-9_-]{43}$/;
/** The user and (when the token names it) the district a session token was issued for; undefined if it is not one. */
export const idsOfToken = (token: string): { userId: string; districtId?: string } | undefined => {
  const [, userId, districtId] = sessionToken.exec(token) ?? [];
  return userId ? { userId, ...(districtId && { districtId }) } : undefined;
};
export const userIdOfToken = (token: string) => idsOfToken(token)?.userId;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
