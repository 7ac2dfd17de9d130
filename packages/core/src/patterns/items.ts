import * as v from "valibot";
import { batchDelete, batchPut, itemType, keys } from "../dynamo";
import { patternKinds, patternSubject, type Pattern } from "./schema";

/** A stored pattern: what the report and the digest read. */
export const patternItemType = itemType<StoredPattern>(
  "pattern",
  v.object({
    kind: v.picklist(patternKinds),
    schoolId: v.string(),
    classId: v.optional(v.string()),
    teacherId: v.optional(v.string()),
    itemText: v.optional(v.string()),
    teacherName: v.optional(v.string()),
    className: v.optional(v.string()),
    count: v.number(),
    since: v.string(),
    evidence: v.array(v.string()),
    week: v.string(),
    percent: v.optional(v.number()),
    studentIds: v.array(v.string()),
  }),
);

export type StoredPattern = Pattern & { studentIds: string[] };

export const patternKey = (districtId: string, p: Pick<Pattern, "week" | "kind" | "schoolId" | "classId" | "teacherId" | "itemText">) =>
  keys.pattern(districtId, p.week, patternSubject(p));

/** Writes the patterns that hold and removes those that no longer do (patterns are derived: plain puts and deletes). */
export async function settlePatterns(districtId: string, hold: StoredPattern[], gone: Array<Parameters<typeof patternKey>[1]>) {
  const held = new Set(hold.map((p) => patternKey(districtId, p).sk));
  await Promise.all([
    hold.length ? batchPut(hold.map((p) => ({ ...patternKey(districtId, p), type: "pattern", ...p }))) : undefined,
    batchDelete(gone.map((p) => patternKey(districtId, p)).filter((k) => !held.has(k.sk))),
  ]);
}
