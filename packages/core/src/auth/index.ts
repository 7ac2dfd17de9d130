import * as v from "valibot";
import type { UserActor } from "../actor";
import { batchGet, deleteItem, fromItem, getItem, itemType, keys, putNew, transact, UserItems } from "../dynamo";
import { VisibleError, isConditionFailure } from "../error";
import { Outbox } from "../outbox";
import { User, emailClaimItem, userItem } from "../user";
import { burnCode, claimTry, issueCode, CODE_LIFETIME_MS, MAX_TRIES } from "./code";
import { codeEmail } from "./code-email";
import { StartInput, VerifyInput } from "./schema";
import { decoyCodeHash, hashCode, hashEmail, hashToken, newCode, newSessionToken, sameHash, userIdOfToken } from "./secrets";
import { clock } from "../clock";

export { StartInput, VerifyInput };

const SESSION_LIFETIME_MS = 12 * 3_600_000;

const SessionItem = v.object({ userId: v.string(), expiresAt: v.number() });
type SessionItem = v.InferOutput<typeof SessionItem>;
const sessionItem = itemType("session", SessionItem);

const invalidCode = () => new VisibleError(401, "invalid_code", "That code is not right or has expired. Check the latest email or ask for a new code.");
const lockedCode = () => new VisibleError(429, "code_locked", "Too many wrong tries. Ask for a new code.");
const epochSeconds = (ms: number) => Math.ceil(ms / 1000);

export namespace Auth {
  /**
   * Always answers the same, and does the same work, for known and unknown addresses: one read of the
   * email claim and one transaction (the code item plus an outbox item). An unknown address gets a code
   * item no code matches and an outbox decoy of the same size that is never sent, so neither timing nor the later
   * lockout sequence tells who has an account. The email leaves through the outbox, after the answer.
   */
  export async function start(input: v.InferInput<typeof StartInput>): Promise<void> {
    const { email, language } = v.parse(StartInput, input);
    const now = clock.ms();
    const known = await getItem(emailClaimItem, keys.email(email));
    const code = newCode();
    const codeHash = hashCode(email, code);
    const issue = issueCode(hashEmail(email), known ? codeHash : decoyCodeHash(), now);
    const message = codeEmail(email, code, language);
    const mail = known ? Outbox.email(message, { notAfter: now + CODE_LIFETIME_MS }) : Outbox.decoy(message);
    try {
      await transact([issue, mail]);
    } catch (error) {
      // This hour's codes are used up: the answer stays the same and nothing is sent.
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * Exchanges a code for a session token. Codes are single use and lock after 5 tries. A person with
   * no stored language gets `language` (the page they signed in from), in the session's transaction,
   * so every email after this one is in it; a language already stored is kept.
   */
  export async function verify(input: v.InferInput<typeof VerifyInput>): Promise<{ token: string }> {
    const { email, code, language } = v.parse(VerifyInput, input);
    const emailHash = hashEmail(email);
    const attempt = await claimTry(emailHash, clock.ms());
    if (!attempt.claimed) throw attempt.locked ? lockedCode() : invalidCode();
    const { item } = attempt;
    if (!sameHash(item.codeHash, hashCode(email, code))) throw item.tries >= MAX_TRIES ? lockedCode() : invalidCode();
    const link = await getItem(emailClaimItem, keys.email(email), true);
    const user = link && (await User.get(link.userId));
    if (!user || user.roles.length === 0) throw invalidCode();
    const token = newSessionToken(user.id);
    const expiresAt = clock.ms() + SESSION_LIFETIME_MS;
    const session: SessionItem = { userId: user.id, expiresAt };
    try {
      // Burning the code and creating the session in one transaction makes a code single use even under races.
      await transact([
        burnCode(emailHash, item.codeHash),
        putNew({ ...keys.session(hashToken(token)), type: "session", ...session, ttl: epochSeconds(expiresAt) }),
        // A language already stored, or chosen meanwhile, is kept.
        ...(language && !user.language ? [UserItems.setFirstLanguage(user.id, language)] : []),
      ]);
    } catch (error) {
      if (isConditionFailure(error)) throw invalidCode();
      throw error;
    }
    return { token };
  }

  /**
   * The actor behind a session token, built from the user's current item on every request (one
   * BatchGetItem reads both), so a role the roster takes away is gone from the next request. A user
   * left with no role has no session. Undefined when unknown, expired or signed out.
   */
  export async function session(token: string): Promise<UserActor | undefined> {
    const userId = userIdOfToken(token);
    if (!userId) return undefined;
    const sessionKey = keys.session(hashToken(token));
    const items = await batchGet([sessionKey, keys.user(userId)], true);
    const sessionFound = items.find((item) => item.pk === sessionKey.pk);
    const userFound = items.find((item) => item.pk === keys.user(userId).pk);
    const session = sessionFound && fromItem(sessionItem, sessionFound);
    const user = userFound && fromItem(userItem, userFound);
    if (!session || session.userId !== userId || session.expiresAt <= clock.ms()) return undefined;
    if (!user || user.roles.length === 0 || !User.canSignIn(user)) return undefined;
    return User.toActor(user);
  }

  export async function signout(token: string): Promise<void> {
    await deleteItem(keys.session(hashToken(token)));
  }
}
