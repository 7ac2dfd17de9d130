import * as v from "valibot";
import { Role, type UserActor } from "../actor";
import { fromItem as parseItem, getItem, itemType, keys, UserItems, type Item } from "../dynamo";
import { isConditionFailure, notFound } from "../error";
import { verb } from "../verb";
import { Email, EmailUndeliverable, Language, LanguageInput, defaultLanguage } from "./schema";

export { Email, EmailUndeliverable, Language, LanguageInput };
export { EmailFeedback, SesFeedbackEvent } from "./email-feedback";

export const UserInfo = v.object({
  id: v.string(),
  /**
   * How the person signs in and hears from Fidelio. A roster may list staff or a guardian without one:
   * they are imported, cannot sign in, and get no email until an import gives them an address.
   */
  email: v.optional(Email),
  name: v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(120)),
  districtId: v.string(),
  roles: v.array(Role),
  schoolIds: v.array(v.string()),
  sourcedId: v.optional(v.string()),
  /** The roles the district roster granted (and so may end); roles held otherwise are not the roster's to take. */
  rosterRoles: v.optional(v.array(Role)),
  /** Chosen by the person (PUT /api/me); absent until then, and Fidelio writes to them in English. */
  language: v.optional(Language),
  /** Set from SES's bounce and complaint reports (EmailFeedback.record); staff see it next to the person. */
  emailUndeliverable: v.optional(EmailUndeliverable),
});
export type UserInfo = v.InferOutput<typeof UserInfo>;
/** An account with an email: the only kind that signs in, acts and is written to. */
export type SignInUser = UserInfo & { email: string };

export const userItem = itemType("user", UserInfo);
/** The item that makes an address unique: it names the user who holds it. */
export const emailClaimItem = itemType("email claim", v.object({ userId: v.string() }));

export namespace User {
  export const normalizeEmail = (email: string) => email.trim().toLowerCase();

  export const get = (userId: string) => getItem(userItem, keys.user(userId));

  export async function byEmail(email: string): Promise<SignInUser | undefined> {
    const link = await getItem(emailClaimItem, keys.email(normalizeEmail(email)));
    const user = link && (await get(link.userId));
    return user && canSignIn(user) ? user : undefined;
  }

  /** The user item and the claim that makes its email unique (none without an email); written together in one transaction by callers. */
  export function toItems(user: SignInUser): { user: Item; email: Item };
  export function toItems(user: UserInfo): { user: Item; email?: Item };
  export function toItems(user: UserInfo): { user: Item; email?: Item } {
    return {
      user: { ...keys.user(user.id), type: "user", ...user },
      email: user.email === undefined ? undefined : claimItem(user.id, user.email),
    };
  }

  /** The item that makes `email` this user's alone. */
  export const claimItem = (userId: string, email: string) => ({ ...keys.email(email), type: "email", userId });

  /** An account someone with this email address signs in to and is written to: one with no email can do neither. */
  export const canSignIn = <U extends Pick<UserInfo, "email">>(user: U): user is U & { email: string } => user.email !== undefined;

  /** The one way a person becomes an actor: from their current user item. */
  export const toActor = (user: SignInUser): UserActor => ({
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    districtId: user.districtId,
    roles: user.roles,
    ...(user.language && { language: user.language }),
  });

  /** The language to write to this person in. */
  export const languageOf = (user: Pick<UserInfo, "language">) => user.language ?? defaultLanguage;

  /**
   * A person's own preference: no audit (it is no student's record) and no version check (the last
   * choice is the one meant). Conditional on the user item existing, so a removed account is not
   * brought back as a stub. Answers the actor as it now is.
   */
  export const setLanguage = verb(LanguageInput, async (actor, { language }) => {
    try {
      const item = await UserItems.setLanguage(actor.userId, language);
      const user = fromItem(item);
      // Whoever acts signed in with an email, and no import removes one.
      return toActor({ ...user, email: user.email ?? actor.email });
    } catch (error) {
      if (isConditionFailure(error)) throw notFound("User");
      throw error;
    }
  });

  export const fromItem = (item: Item): UserInfo => parseItem(userItem, item);
}
