import * as v from "valibot";
import { itemType } from "../dynamo/item-type";

/** A school of a district, as the roster stores it (what readers use of it). */
export const schoolItem = itemType("school", v.object({ id: v.string(), name: v.string() }));
