import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { Config } from "../config";

/**
 * Codes are 6 digits, so a plain hash of one is trivially reversed; a keyed HMAC means a copy of the
 * table alone does not reveal live codes. Session tokens carry 256 random bits, so SHA-256 suffices.
 */
const authSecret = () => Config.authSecret();

export const hashEmail = (email: string) => createHmac("sha256", authSecret()).update(`email:${email}`).digest("hex");
export const hashCode = (email: string, code: string) =>
  createHmac("sha256", authSecret()).update(`code:${email}:${code}`).digest("hex");
export const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, "0");
export const newSessionToken = () => `fid_${randomBytes(32).toString("base64url")}`;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
