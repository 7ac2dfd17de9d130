import * as v from "valibot";
import { batchGet, keys, queryAll } from "../dynamo";
import { derivedId } from "../id";
import { User, UserInfo } from "../user";
import type { RosterModel } from "./model";
import type { Problems } from "./problems";
import { mapLimit } from "../concurrency";

type Item = Record<string, unknown>;

export type SourceKind = "district" | "school" | "user" | "student";

/** What the table already holds for this roster, read before anything is written. */
export interface Stored {
  /** `kind sourcedId` -> our id, from the district's source map. */
  sources: Map<string, string>;
  schools: Map<string, Item>;
  /** Every account the district's source map names, and every account holding one of the roster's emails. */
  users: Map<string, Item>;
  /** user id -> sourcedId, for every account the roster manages. */
  userSources: Map<string, string>;
  /** email -> the user id that claimed it (any district). */
  claims: Map<string, string>;
  /** student id -> every item of the student's partition. */
  students: Map<string, Item[]>;
}

/** Items read back are checked, not cast: a malformed item fails the import loudly instead of planning on a guess. */
const SourceItem = v.object({ kind: v.picklist(["district", "school", "user", "student"]), sourcedId: v.string(), id: v.string() });
const ClaimItem = v.object({ pk: v.string(), userId: v.string() });
const SchoolItem = v.looseObject({ id: v.string() });
/** The whole stored item (plan.ts compares it with what it would write), checked as a user. */
const UserItem = v.looseObject(UserInfo.entries);

const sourceKey = (kind: SourceKind, sourcedId: string) => `${kind} ${sourcedId}`;

export async function loadStored(districtId: string, model: RosterModel): Promise<Stored> {
  const emails = [...model.people.values()].flatMap((p) => p.email ?? []);
  const [sourceItems, schoolItems, claimItems] = await Promise.all([
    queryAll(keys.sourceIdsOf(districtId)).then((items) => items.map((item) => v.parse(SourceItem, item))),
    queryAll(keys.schoolsOf(districtId)).then((items) => items.map((item) => v.parse(SchoolItem, item))),
    batchGet(
      emails.map((email) => keys.email(email)),
      true,
    ).then((items) => items.map((item) => v.parse(ClaimItem, item))),
  ]);
  const sources = new Map(sourceItems.map((item) => [sourceKey(item.kind, item.sourcedId), item.id]));
  const emailOfClaim = new Map(emails.map((email) => [keys.email(email).pk, email]));
  const claims = new Map(claimItems.map((item) => [emailOfClaim.get(item.pk)!, item.userId]));

  // Every account the roster manages, listed or not: one it no longer lists may lose roles (roles.ts).
  const userIds = [...sourceItems.filter((item) => item.kind === "user").map((item) => item.id), ...claims.values()];
  const studentIds = [...model.students.keys()].flatMap((sourcedId) => sources.get(sourceKey("student", sourcedId)) ?? []);
  const [userItems, partitions] = await Promise.all([
    batchGet(
      userIds.map((id) => keys.user(id)),
      true,
    ).then((items) => items.map((item) => v.parse(UserItem, item))),
    mapLimit(studentIds, 8, (id) => queryAll(keys.studentPartition(id))),
  ]);
  return {
    sources,
    schools: new Map(schoolItems.map((item) => [item.id, item])),
    users: new Map(userItems.map((item) => [item.id, item])),
    userSources: new Map(sourceItems.filter((item) => item.kind === "user").map((item) => [item.id, item.sourcedId])),
    claims,
    students: new Map(studentIds.map((id, i) => [id, partitions[i]!])),
  };
}

/** Our ids for every sourcedId, and the source-map items still to write for new ones. */
export interface Ids {
  of: (kind: SourceKind, sourcedId: string) => string;
  newSources: Item[];
}

/**
 * Reuses the id of every known sourcedId and mints ids for new ones. A person's email must be free,
 * theirs already, or held by a same-district account that no roster record owns yet (an administrator
 * created before the first import), which the roster then adopts.
 */
export function resolveIds(districtId: string, model: RosterModel, stored: Stored, problems: Problems, salt: string): Ids {
  // New ids are derived from the upload and the sourcedId, so a plan made again from the same files is the same plan.
  const newId = (prefix: "sch" | "stu" | "usr", kind: SourceKind, sourcedId: string) => derivedId(prefix, `${salt} ${districtId} ${kind} ${sourcedId}`);
  const ids = new Map<string, string>();
  const newSources: Item[] = [];
  const owned = new Set(stored.sources.values());
  const assign = (kind: SourceKind, sourcedId: string, id: string) => {
    ids.set(sourceKey(kind, sourcedId), id);
    if (stored.sources.get(sourceKey(kind, sourcedId)) !== id) {
      newSources.push({ ...keys.sourceId(districtId, kind, sourcedId), type: "source", kind, sourcedId, id });
    }
  };
  const known = (kind: SourceKind, sourcedId: string) => stored.sources.get(sourceKey(kind, sourcedId));

  for (const sourcedId of model.districtOrgs) assign("district", sourcedId, districtId);
  for (const school of model.schools) assign("school", school.sourcedId, known("school", school.sourcedId) ?? newId("sch", "school", school.sourcedId));
  for (const student of model.students.values())
    assign("student", student.sourcedId, known("student", student.sourcedId) ?? newId("stu", "student", student.sourcedId));
  for (const person of model.people.values()) {
    const mapped = known("user", person.sourcedId);
    if (person.email === undefined) {
      assign("user", person.sourcedId, mapped ?? newId("usr", "user", person.sourcedId));
      // An import never takes an email away: one given before is kept. Without any, the plan says so.
      if (!(mapped && stored.users.get(mapped)?.email)) problems.warn("users.csv", person.line, "email", "no_email_cannot_sign_in", { name: person.name });
      continue;
    }
    const holder = stored.claims.get(person.email);
    if (!holder || holder === mapped) {
      assign("user", person.sourcedId, mapped ?? newId("usr", "user", person.sourcedId));
      continue;
    }
    const account = stored.users.get(holder) && User.fromItem(stored.users.get(holder)!);
    const adoptable = !mapped && account?.districtId === districtId && !owned.has(holder) && (!account.sourcedId || account.sourcedId === person.sourcedId);
    if (adoptable) {
      owned.add(holder);
      assign("user", person.sourcedId, holder);
    } else {
      problems.add("users.csv", person.line, "email", "email_taken", { email: person.email });
    }
  }
  return {
    of: (kind, sourcedId) => {
      const id = ids.get(sourceKey(kind, sourcedId));
      if (!id) throw new Error(`No id for ${kind} ${sourcedId}`);
      return id;
    },
    newSources,
  };
}
