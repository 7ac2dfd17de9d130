import * as v from "valibot";
import { transact, keys, putNew } from "../dynamo";
import { isConditionFailure, VisibleError } from "../error";
import { newId } from "../id";
import { User, type SignInUser, type UserInfo } from "../user";
import { Email } from "../user/schema";
import { defaultDeadlines, DistrictSettings, type DistrictInfo } from "./schema";
import { clock } from "../clock";

export const DistrictBootstrap = v.object({
  name: v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(200)),
  settings: DistrictSettings,
  admin: v.object({ email: Email, name: v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(120)) }),
});
export type DistrictBootstrap = v.InferInput<typeof DistrictBootstrap>;

/** A first school year to start from: the admin sets the real calendar in the app. */
export const starterSettings = (year = clock.now().getUTCFullYear()): DistrictSettings => ({
  calendar: { firstDay: `${year}-08-15`, lastDay: `${year + 1}-06-15`, closures: [] },
  deadlines: { ...defaultDeadlines },
  fidelityGraceDays: 2,
});

/**
 * A new deployment's first district and its administrator, in one transaction: the district, the
 * admin's user item and the claim on their address, each only if absent. Run once (the setup
 * script); run again, it changes nothing and says the address is taken. Everyone else then
 * arrives through the roster import the admin runs.
 */
export async function bootstrapDistrict(input: DistrictBootstrap): Promise<{ district: DistrictInfo; admin: UserInfo }> {
  const { name, settings, admin } = v.parse(DistrictBootstrap, input);
  const district: DistrictInfo = { id: newId("dis"), name, ...settings, version: 1, updatedAt: clock.iso() };
  const user: SignInUser = {
    id: newId("usr"),
    email: User.normalizeEmail(admin.email),
    name: admin.name,
    districtId: district.id,
    roles: ["district_admin"],
    schoolIds: [],
  };
  const items = User.toItems(user);
  try {
    await transact([putNew({ ...keys.district(district.id), type: "district", ...district }), putNew(items.user), putNew(items.email)]);
  } catch (error) {
    if (isConditionFailure(error)) throw new VisibleError(409, "conflict", `${user.email} already has a Fidelio account; nothing was written`);
    throw error;
  }
  return { district, admin: user };
}
