import { Access } from "../access";
import { fromItem as parseItem, getItem, itemType, keys, putAtVersion, putNew, queryAll, transact, type Item } from "../dynamo";
import { conflict, isConditionFailure, notFound } from "../error";
import { verb } from "../verb";
import * as v from "valibot";
import { DistrictSettings, DistrictUpdate, type DistrictInfo } from "./schema";
import { clock } from "../clock";

export * from "./schema";
export { bootstrapDistrict, starterSettings, DistrictBootstrap } from "./bootstrap";

const districtItem = itemType<DistrictInfo & { updatedBy?: string }>(
  "district",
  v.object({ ...DistrictSettings.entries, id: v.string(), name: v.string(), version: v.number(), updatedAt: v.string(), updatedBy: v.optional(v.string()) }),
);

const listingItem = itemType("district listing", v.object({ districtId: v.string() }));

export namespace District {
  /** What lists a district for jobs that walk every district (the weekly reminders): one Query, no Scan. */
  export const listing = (districtId: string) => ({ ...keys.districtListing(districtId), type: "district-listing", districtId });

  export const listed = () => queryAll(listingItem, keys.allDistricts());

  export async function load(districtId: string): Promise<DistrictInfo | undefined> {
    return getItem(districtItem, keys.district(districtId), true);
  }

  /** A district item read with others (the session lookup's BatchGetItem), checked as `load` checks it. */
  export const fromItem = (item: Item): DistrictInfo => parseItem(districtItem, item);

  /** Bootstrap only (seed, tests, setup script): creates a district that must not exist yet. */
  export async function create(input: { id: string; name: string } & DistrictSettings): Promise<DistrictInfo> {
    const info: DistrictInfo = { ...input, version: 1, updatedAt: clock.iso() };
    await transact([putNew({ ...keys.district(info.id), type: "district", ...info }), { put: listing(info.id) }]);
    return info;
  }

  export const get = verb(v.object({}), async (actor) => {
    Access.requireAction(actor, "district.read");
    const info = await load(actor.districtId);
    if (!info) throw notFound("District");
    return info;
  });

  /** Optimistic: the caller sends the version it read; a stale version gets 409 and changes nothing. */
  export const update = verb(DistrictUpdate, async (actor, input) => {
    Access.requireAction(actor, "district.update");
    const current = await load(actor.districtId);
    if (!current) throw notFound("District");
    const { version, ...settings } = input;
    const next: DistrictInfo = { ...current, ...settings, version: version + 1, updatedAt: clock.iso() };
    try {
      await putAtVersion({ ...keys.district(actor.districtId), type: "district", ...next, updatedBy: actor.userId }, version);
    } catch (error) {
      if (isConditionFailure(error)) throw conflict();
      throw error;
    }
    return next;
  });
}
