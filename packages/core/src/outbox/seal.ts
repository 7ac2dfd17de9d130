import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { Config } from "../config";
import type { Message } from "../email";

/**
 * An outbox item can hold a live sign-in code until it is delivered. Sealing it with a key derived from
 * AUTH_SECRET (AES-256-GCM) keeps the promise that a copy of the table alone reveals no live code.
 */
const key = () => createHmac("sha256", Config.authSecret()).update("outbox-seal:v1").digest();

export function seal(message: Message): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(message), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function unseal(sealed: string): Message {
  const raw = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8")) as Message;
}
