import { createHash } from "node:crypto";
import { roles as allRoles, type UserActor, type Role } from "../actor";
import type { AuditEvent } from "../audit";
import { keys } from "../dynamo";
import { Iep, type IepContent, type IepVersion } from "../iep";
import { parseStudentPartition, relationshipItem, staleWordKeys, studentItem, studentWordItems, type StudentRecord } from "../student/items";
import { studentName, type Relationship, type RelationshipKind, type StudentInfo } from "../student/schema";
import { User, type UserInfo } from "../user";
import type { ImportedIep } from "./fidelio";
import type { ImportedLink, ImportedPerson, ImportedStudent, RosterModel } from "./model";
import { rolesAfterImport, type RoleChange } from "./roles";
import type { Ids, Stored } from "./stored";
import { sameItem } from "./util";
import { clock } from "../clock";

type Item = Record<string, unknown>;

export const countedKinds = ["school", "user", "student", "relationship", "iep"] as const;
export type CountedKind = (typeof countedKinds)[number];
export type Counts = { created: number; updated: number; unchanged: number };

export interface UserWrite {
  user: Item;
  /** The claim on an address the account did not have (new, changed or first given), put only if free. */
  email?: Item;
  isNew: boolean;
  /** The roles read before planning: the write is conditional on them (a concurrent role change is a 409). */
  heldRoles?: Role[];
  /** The claim to release when the roster changed this person's email. */
  previousEmail?: string;
}

/**
 * One student's writes, committed in one transaction with its audit entry: the student item first,
 * so no relationship is ever visible without the student it names.
 */
export interface StudentUnit {
  studentId: string;
  puts: Item[];
  /** A new IEP version: never overwritten (conditional). */
  iep?: Item;
  /** The claim on its version number (Iep.claimItem), put only if absent with it: an editor who saved that number first makes the import a 409. */
  iepClaim?: Item;
  /**
   * Nothing of the student is stored yet: the student item is put only if still absent, and a first IEP
   * version written in that same transaction needs no claim (no one can have edited the IEP of a student
   * who did not exist; once it commits, an editor's next version claims number 2). Saves a write a student.
   */
  isNew?: true;
  /** Relationships that ended: a teacher no longer in the student's classes, a guardian no longer listed. */
  deletes: Array<{ pk: string; sk: string }>;
  /**
   * A new version that amends an earlier one: the student as the import leaves it, for the notices to
   * the team members whose duties change (iep/notices.ts), written in this unit's transaction (apply.ts).
   */
  amendment?: { record: StudentRecord; replaced: IepVersion; next: IepVersion };
  audit: AuditEvent;
}

export interface RolesEnded {
  userId: string;
  name: string;
  roles: Role[];
}

/** A relationship the plan ends: the person loses access to the student. */
export interface LinkEnded {
  userId: string;
  userName: string;
  studentId: string;
  studentName: string;
  kind: RelationshipKind;
}

/** Exactly the items that differ from what is stored; nothing else is written. */
export interface WritePlan {
  sources: Item[];
  schools: Item[];
  users: UserWrite[];
  students: StudentUnit[];
  rolesEnded: RolesEnded[];
  linksEnded: LinkEnded[];
  counts: Record<CountedKind, Counts>;
}

/** How many writes a plan holds, in the units a job reports progress in: people and students. */
export const planSize = (plan: WritePlan) => plan.users.length + plan.students.length;

/** True when applying the plan would write nothing. */
export const isEmptyPlan = (plan: WritePlan) => planSize(plan) + plan.sources.length + plan.schools.length === 0;

const strip = ({ pk: _p, sk: _s, gsi1pk: _g, gsi1sk: _h, type: _t, ...rest }: Item) => rest;

/** Key order fixed and extra attributes dropped, so a stored IEP compares equal to the same CSV rows. */
const normalized = (iep: IepContent): IepContent => ({
  effectiveFrom: iep.effectiveFrom,
  accommodations: iep.accommodations.map(({ id, text }) => ({ id, text })),
  modifications: iep.modifications.map(({ id, text }) => ({ id, text })),
  services: iep.services.map(({ id, name, minutesPerWeek, providerRole }) => ({ id, name, minutesPerWeek, providerRole })),
  goals: iep.goals.map(({ id, area, text }) => ({ id, area, text })),
});

export function planWrites(actor: UserActor, model: RosterModel, stored: Stored, ids: Ids): WritePlan {
  const districtId = actor.districtId;
  const plan: WritePlan = {
    sources: ids.newSources,
    schools: [],
    users: [],
    students: [],
    rolesEnded: [],
    linksEnded: [],
    counts: Object.fromEntries(countedKinds.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0 }])) as WritePlan["counts"],
  };
  const count = (kind: CountedKind, before: Item | undefined, after: Item) => {
    const change = !before ? "created" : sameItem(before, after) ? "unchanged" : "updated";
    plan.counts[kind][change] += 1;
    return change;
  };

  const schoolNames = new Map<string, string>();
  for (const school of model.schools) {
    const id = ids.of("school", school.sourcedId);
    schoolNames.set(school.sourcedId, school.name);
    const before = stored.schools.get(id);
    const item = { ...before, ...keys.school(districtId, id), type: "school", id, districtId, name: school.name, sourcedId: school.sourcedId };
    if (count("school", before, item) !== "unchanged") plan.schools.push(item);
  }

  const planUser = (id: string, current: UserInfo | undefined, change: RoleChange, person?: ImportedPerson) => {
    const schoolIds = person?.schoolSourcedIds.map((sourcedId) => ids.of("school", sourcedId)) ?? [];
    const info: UserInfo = {
      ...current!,
      id,
      // A roster row without an email keeps the address the account has: no import takes one away.
      ...(person && { name: person.name, sourcedId: person.sourcedId, ...(person.email !== undefined && { email: person.email }) }),
      districtId,
      roles: change.roles,
      rosterRoles: change.rosterRoles,
      schoolIds: [...new Set([...(current?.schoolIds ?? []), ...schoolIds])],
    };
    const before = stored.users.get(id);
    const items = User.toItems(info);
    if (count("user", before, items.user) === "unchanged") return;
    if (change.ended.length > 0) plan.rolesEnded.push({ userId: id, name: info.name, roles: change.ended });
    const previousEmail = current?.email !== undefined && current.email !== info.email ? current.email : undefined;
    const newAddress = info.email !== undefined && current?.email !== info.email;
    plan.users.push({ user: items.user, ...(newAddress && { email: items.email }), isNew: !before, heldRoles: current?.roles, previousEmail });
  };

  const listed = new Set<string>();
  for (const person of model.people.values()) {
    const id = ids.of("user", person.sourcedId);
    listed.add(id);
    const current = stored.users.has(id) ? User.fromItem(stored.users.get(id)!) : undefined;
    const change = rolesAfterImport({ current, granted: person.roles, spokenFor: model.rolesSpokenFor, isImporter: id === actor.userId });
    planUser(id, current, change, person);
  }
  // Accounts the roster manages but no longer lists as holding a role: omitted, role-less, or tobedeleted.
  for (const [id, sourcedId] of stored.userSources) {
    const item = stored.users.get(id);
    if (listed.has(id) || !item) continue;
    const current = User.fromItem(item);
    if (current.districtId !== districtId) continue;
    const deleted = model.deletedUsers.has(sourcedId);
    const spokenFor = deleted ? allRoles : model.rolesSpokenFor;
    const change = rolesAfterImport({ current, granted: [], spokenFor, isImporter: id === actor.userId && !deleted });
    if (change.ended.length > 0) planUser(id, current, change);
  }

  for (const imported of model.students.values()) {
    planStudent(actor, plan, count, {
      imported,
      id: ids.of("student", imported.sourcedId),
      schoolId: ids.of("school", imported.schoolSourcedId),
      schoolName: schoolNames.get(imported.schoolSourcedId) ?? "",
      links: [...(model.links.get(imported.sourcedId)?.values() ?? [])],
      iep: model.ieps.get(imported.sourcedId),
      completeKinds: model.completeKinds,
      stored: stored.students.get(ids.of("student", imported.sourcedId)) ?? [],
      userOf: (sourcedId) => ({ id: ids.of("user", sourcedId), name: model.people.get(sourcedId)!.name }),
    });
  }
  return plan;
}

interface StudentInput {
  imported: ImportedStudent;
  id: string;
  schoolId: string;
  schoolName: string;
  links: ImportedLink[];
  iep: ImportedIep | undefined;
  completeKinds: RelationshipKind[];
  stored: Item[];
  userOf: (sourcedId: string) => { id: string; name: string };
}

function planStudent(actor: UserActor, plan: WritePlan, count: (kind: CountedKind, before: Item | undefined, after: Item) => string, input: StudentInput) {
  const { imported, id } = input;
  const record = parseStudentPartition(input.stored);
  const storedBySk = new Map(input.stored.map((item) => [String(item.sk), item]));
  const changed: string[] = [];
  const unit: StudentUnit = { studentId: id, puts: [], deletes: [], audit: { studentId: id, action: "roster.import", record: "", reason: "roster_import" } };
  if (input.stored.length === 0) unit.isNew = true;

  const before = storedBySk.get(keys.student(id).sk);
  const iep = input.iep;
  // The roster repeating the IEP rows it gave last time says nothing new: an amendment made in Fidelio
  // since then stays in effect rather than being silently undone. Rows that changed in the district's
  // system make a new version, unless they already match the latest one.
  const rosterIep = iep ? rowsHash(iep.content) : before?.rosterIep;
  const rowsChanged = iep !== undefined && before?.rosterIep !== rosterIep;
  const info: StudentInfo = {
    ...(before && (strip(before) as Partial<StudentInfo>)),
    id,
    districtId: actor.districtId,
    schoolId: input.schoolId,
    schoolName: input.schoolName,
    firstName: imported.firstName,
    lastName: imported.lastName,
    grade: imported.grade,
    sourcedId: imported.sourcedId,
    ...(typeof rosterIep === "string" && { rosterIep }),
  };
  const item = studentItem(info);
  // What the roster last said of the IEP is bookkeeping: it is written, but not counted as a change to the student.
  const { rosterIep: _before, ...beforeShown } = before ?? {};
  const { rosterIep: _after, ...itemShown } = item;
  if (count("student", before && beforeShown, itemShown) !== "unchanged") changed.push("student");

  const latest = record && Iep.latest(record.ieps);
  let newVersion: IepVersion | undefined;
  if (iep && rowsChanged && !(latest && Iep.sameContent(normalized(latest), normalized(iep.content)))) {
    newVersion = { studentId: id, version: (latest?.version ?? 0) + 1, ...normalized(iep.content), createdAt: clock.iso(), createdBy: actor.userId };
    plan.counts.iep[latest ? "updated" : "created"] += 1;
    unit.iep = Iep.toItem(newVersion);
    unit.iepClaim = Iep.claimItem(newVersion);
  } else if (iep) plan.counts.iep.unchanged += 1;

  const summary = { id, name: studentName(info), grade: info.grade, schoolName: info.schoolName };
  const accommodations = (newVersion ?? latest)?.accommodations.map((a) => a.id) ?? [];
  const relationships: Relationship[] = input.links.map((link) => {
    const user = input.userOf(link.userSourcedId);
    const previous = record?.relationships.find((rel) => rel.userId === user.id);
    // Without IEP rows for this student the import does not know the class limits: keep the stored ones.
    const applying = link.classes.length === 0 ? undefined : iep ? applyingIn(link, accommodations, iep) : previous?.accommodationIds;
    // Without the caseload file this import cannot say a case manager who also teaches stopped managing.
    const keepsCaseManager = previous?.kind === "case_manager" && !input.completeKinds.includes("case_manager");
    return {
      studentId: id,
      userId: user.id,
      userName: user.name,
      kind: keepsCaseManager ? "case_manager" : link.kind,
      ...(link.classes.length > 0 && { classes: link.classes }),
      ...(applying && { accommodationIds: applying }),
      student: summary,
    };
  });
  // A link the roster no longer lists has ended when the roster speaks for every link of its kind:
  // access follows the service team (FERPA). Other links stay, with the student's summary refreshed.
  const listed = new Set(relationships.map((rel) => rel.userId));
  const unlisted = (record?.relationships ?? []).filter((rel) => !listed.has(rel.userId));
  const ended = unlisted.filter((rel) => input.completeKinds.includes(rel.kind));
  relationships.push(...unlisted.filter((rel) => !ended.includes(rel)));
  unit.deletes.push(...ended.map((rel) => keys.relationship(rel.studentId, rel.userId)));
  plan.linksEnded.push(...ended.map((rel) => ({ userId: rel.userId, userName: rel.userName, studentId: id, studentName: studentName(info), kind: rel.kind })));
  let relationshipsChanged = ended.length > 0;
  for (const rel of relationships) {
    const relItem = relationshipItem(rel, info);
    if (count("relationship", storedBySk.get(relItem.sk), relItem) !== "unchanged") {
      unit.puts.push(relItem);
      relationshipsChanged = true;
    }
  }
  if (relationshipsChanged) changed.push("relationships");
  // An amendment reaches whoever must carry it out, as one made in Fidelio does. A student's first
  // version is no amendment: the team starts from it (a district's first import tells no one of every IEP).
  if (newVersion && latest && record) {
    unit.amendment = {
      record: { student: info, relationships, ieps: [...record.ieps, newVersion], acknowledgments: record.acknowledgments },
      replaced: latest,
      next: newVersion,
    };
  }
  if (newVersion) changed.push(`iep:v${newVersion.version}`);
  else if (rowsChanged) changed.push("iep-rows");
  if (changed.length === 0) return;
  // The student item goes with every change, first: a relationship never commits without it.
  unit.puts.unshift(item);
  // The name's words (the search by any part of a name): put with every write of the student, stale ones removed.
  unit.puts.push(...studentWordItems(info));
  unit.deletes.push(...staleWordKeys(before && (strip(before) as StudentInfo), info));
  unit.audit.record = changed.join(",");
  plan.students.push(unit);
}

/** What identifies the IEP rows the roster gave (as compared: normalized), kept on the student item. */
const rowsHash = (content: IepContent) =>
  createHash("sha256")
    .update(JSON.stringify(normalized(content)))
    .digest("base64url")
    .slice(0, 22);

/** Accommodations limited to classes apply only where this teacher teaches one; undefined when all apply. */
function applyingIn(link: ImportedLink, accommodationIds: string[], iep: ImportedIep) {
  const classIds = new Set(link.classes.map((c) => c.id));
  const applying = accommodationIds.filter((accId) => {
    const limits = iep.classLimits.get(accId);
    return !limits || limits.some((classId) => classIds.has(classId));
  });
  return applying.length === accommodationIds.length ? undefined : applying;
}
