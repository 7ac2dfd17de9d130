import { transact } from "@fidelio/core/dynamo";
import { newId } from "@fidelio/core/id";
import { User, type SignInUser } from "@fidelio/core/user";
import type { Role } from "@fidelio/core/actor";

/** A user written straight to the table, for tests that need an account but not a roster. */
export async function createUser(email: string, roles: Role[], districtId = "dis_01test000000000000000000000"): Promise<SignInUser> {
  const user: SignInUser = { id: newId("usr"), email, name: email.split("@")[0]!, districtId, roles, schoolIds: [] };
  const items = User.toItems(user);
  await transact([
    { put: items.user, condition: "attribute_not_exists(pk)" },
    { put: items.email, condition: "attribute_not_exists(pk)" },
  ]);
  return user;
}
