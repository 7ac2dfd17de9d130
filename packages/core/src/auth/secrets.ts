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
 * `fid_<userId>.<256 random bits>`: the user id lets one BatchGetItem read the session and the user's
 * current item together. Only the hash of the whole token is stored, so the id in it grants nothing.
 */
export const newSessionToken = (userId: string) => `fid_${userId}.${randomBytes(32).toString("base64url")}`;
export const userIdOfToken = (token: string) => /^fid_(usr_[0-9a-z]{1,40})\.[A-Za-z0-9_-]{43}$/.exec(token)?.[1];
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
