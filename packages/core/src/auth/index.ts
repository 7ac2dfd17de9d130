import * as v from "valibot";
import type { UserActor } from "../actor";
import { batchGet, deleteItem, fromItem, getItem, itemType, keys, putNew, transact, UserItems } from "../dynamo";
import { VisibleError, isConditionFailure } from "../error";
import { Outbox } from "../outbox";
import { District, type DistrictInfo } from "../district";
import { User, emailClaimItem, userItem } from "../user";
import { burnCode, claimTry, issueCode, CODE_LIFETIME_MS, MAX_TRIES } from "./code";
import { codeEmail } from "./code-email";
import { StartInput, VerifyInput } from "./schema";
import { decoyCodeHash, hashCode, hashEmail, hashToken, idsOfToken, newCode, newSessionToken, sameHash } from "./secrets";
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
    const token = newSessionToken(user.id, user.districtId);
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
   * BatchGetItem reads both, strongly consistent), so a role the roster takes away is gone from the next
   * request. A user left with no role has no session, nor one whose district is not the one the token
   * was issued for. Undefined when unknown, expired or signed out.
   */
  export async function session(token: string): Promise<UserActor | undefined> {
    return (await lookup(token, false))?.actor;
  }

  /**
   * The same session lookup, with the actor's district (undefined if it has no item): read in the same
   * BatchGetItem when the token names the district (every token `verify` issues does), else in a second
   * read once the session is found. Nothing read with a session that is not found is used or answered.
   */
  export async function sessionWithDistrict(token: string): Promise<{ actor: UserActor; district: DistrictInfo | undefined } | undefined> {
    const found = await lookup(token, true);
    if (!found) return undefined;
    return { actor: found.actor, district: found.district ? found.district.info : await District.load(found.actor.districtId) };
  }

  async function lookup(token: string, withDistrict: boolean) {
    const ids = idsOfToken(token);
    if (!ids) return undefined;
    const { userId, districtId } = ids;
    const sessionKey = keys.session(hashToken(token));
    const districtKey = withDistrict && districtId ? keys.district(districtId) : undefined;
    const items = await batchGet([sessionKey, keys.user(userId), ...(districtKey ? [districtKey] : [])], true);
    const sessionFound = items.find((item) => item.pk === sessionKey.pk);
    const userFound = items.find((item) => item.pk === keys.user(userId).pk);
    const session = sessionFound && fromItem(sessionItem, sessionFound);
    const user = userFound && fromItem(userItem, userFound);
    if (!session || session.userId !== userId || session.expiresAt <= clock.ms()) return undefined;
    if (!user || user.roles.length === 0 || !User.canSignIn(user)) return undefined;
    if (districtId && user.districtId !== districtId) return undefined;
    const districtFound = districtKey && items.find((item) => item.pk === districtKey.pk && item.sk === districtKey.sk);
    return { actor: User.toActor(user), district: districtKey && { info: districtFound && District.fromItem(districtFound) } };
  }

  export async function signout(token: string): Promise<void> {
    await deleteItem(keys.session(hashToken(token)));
  }
}
