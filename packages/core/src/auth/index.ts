import * as v from "valibot";
import type { Actor } from "../actor";
import { getItem, keys, putItem, transact, dynamo, tableName, toItem } from "../dynamo";
import { DeleteItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { Email } from "../email";
import { VisibleError, isConditionFailure } from "../error";
import { User } from "../user";
import { codeEmail } from "./code-email";
import { StartInput, VerifyInput } from "./schema";
import { sessionCache } from "./session-cache";
import { hashCode, hashEmail, hashToken, newCode, newSessionToken, sameHash } from "./secrets";

export { StartInput, VerifyInput };

const CODE_LIFETIME_MS = 10 * 60_000;
const MAX_WRONG_TRIES = 5;
const CODES_PER_HOUR = 5;
const SESSION_LIFETIME_MS = 12 * 3_600_000;

interface CodeItem {
  codeHash: string;
  expiresAt: number;
  wrongTries: number;
  windowStart: number;
  issuedInWindow: number;
}

interface SessionItem {
  actor: Actor;
  expiresAt: number;
}

const invalidCode = () => new VisibleError(401, "invalid_code", "That code is not right or has expired. Check the latest email or ask for a new code.");
const lockedCode = () => new VisibleError(429, "code_locked", "Too many wrong tries. Ask for a new code.");
const epochSeconds = (ms: number) => Math.ceil(ms / 1000);

export namespace Auth {
  /** Always succeeds, for known and unknown emails alike, so the answer never reveals who has an account. */
  export async function start(input: v.InferInput<typeof StartInput>): Promise<void> {
    const { email } = v.parse(StartInput, input);
    const user = await User.byEmail(email);
    if (!user) return;
    const key = keys.signInCode(hashEmail(email));
    const now = Date.now();
    const previous = await getItem<CodeItem>(key, true);
    const sameWindow = previous && now - previous.windowStart < 3_600_000;
    const issuedInWindow = sameWindow ? previous.issuedInWindow + 1 : 1;
    if (issuedInWindow > CODES_PER_HOUR) return;
    const code = newCode();
    const item: CodeItem = {
      codeHash: hashCode(email, code),
      expiresAt: now + CODE_LIFETIME_MS,
      wrongTries: 0,
      windowStart: sameWindow ? previous.windowStart : now,
      issuedInWindow,
    };
    await putItem({ ...key, type: "signin-code", ...item, ttl: epochSeconds(now + 3_600_000) });
    await Email.send(codeEmail(user.email, code));
  }

  /** Exchanges a code for a session token. Codes are single use and lock after 5 wrong tries. */
  export async function verify(input: v.InferInput<typeof VerifyInput>): Promise<{ token: string; actor: Actor }> {
    const { email, code } = v.parse(VerifyInput, input);
    const key = keys.signInCode(hashEmail(email));
    const item = await getItem<CodeItem>(key, true);
    if (!item || item.codeHash === "" || Date.now() > item.expiresAt) throw invalidCode();
    if (item.wrongTries >= MAX_WRONG_TRIES) throw lockedCode();
    if (!sameHash(item.codeHash, hashCode(email, code))) {
      await countWrongTry(key, item.wrongTries);
      throw item.wrongTries + 1 >= MAX_WRONG_TRIES ? lockedCode() : invalidCode();
    }
    const user = await User.byEmail(email);
    if (!user) throw invalidCode();
    const actor: Actor = { userId: user.id, email: user.email, name: user.name, districtId: user.districtId, roles: user.roles };
    const token = newSessionToken();
    const expiresAt = Date.now() + SESSION_LIFETIME_MS;
    try {
      // Burning the code and creating the session in one transaction makes a code single use even under races.
      await transact([
        {
          put: { ...key, type: "signin-code", ...item, codeHash: "", ttl: epochSeconds(item.windowStart + 3_600_000) },
          condition: "codeHash = :hash AND wrongTries < :max",
          values: { ":hash": item.codeHash, ":max": MAX_WRONG_TRIES },
        },
        { put: { ...keys.session(hashToken(token)), type: "session", actor, expiresAt, ttl: epochSeconds(expiresAt) }, condition: "attribute_not_exists(pk)" },
      ]);
    } catch (error) {
      if (isConditionFailure(error)) throw invalidCode();
      throw error;
    }
    return { token, actor };
  }

  async function countWrongTry(key: { pk: string; sk: string }, seen: number) {
    try {
      await dynamo().send(
        new UpdateItemCommand({
          TableName: tableName(),
          Key: toItem(key),
          UpdateExpression: "SET wrongTries = wrongTries + :one",
          ConditionExpression: "wrongTries = :seen",
          ExpressionAttributeValues: toItem({ ":one": 1, ":seen": seen }),
        }),
      );
    } catch (error) {
      // A concurrent wrong try counted first; either way the count went up.
      if (!isConditionFailure(error)) throw error;
      await countWrongTry(key, seen + 1);
    }
  }

  /** The actor behind a session token, or undefined when it is unknown, expired or signed out. */
  export async function session(token: string): Promise<Actor | undefined> {
    if (!token.startsWith("fid_") || token.length > 100) return undefined;
    const hash = hashToken(token);
    const remembered = sessionCache.get(hash);
    if (remembered) return remembered;
    const item = await getItem<SessionItem>(keys.session(hash), true);
    if (!item || item.expiresAt <= Date.now()) return undefined;
    sessionCache.set(hash, item.actor, item.expiresAt);
    return item.actor;
  }

  export async function signout(token: string): Promise<void> {
    const hash = hashToken(token);
    sessionCache.forget(hash);
    await dynamo().send(new DeleteItemCommand({ TableName: tableName(), Key: toItem(keys.session(hash)) }));
  }
}
