import * as v from "valibot";
import type { Item } from "../dynamo/client";
import { fromItem, itemType } from "../dynamo/item-type";
import { keys, studentItemKind } from "../dynamo/keys";
import { Iep, type IepAcknowledgment, type IepVersion } from "../iep";
import { nameWords, relationshipKinds, sortName, StudentInfo, studentName, type Relationship } from "./schema";

export const studentItemType = itemType("student", StudentInfo);
export const relationshipItemType = itemType<Relationship>(
  "relationship",
  v.object({
    studentId: v.string(),
    userId: v.string(),
    userName: v.string(),
    kind: v.picklist(relationshipKinds),
    classes: v.optional(v.array(v.object({ id: v.string(), title: v.string() }))),
    accommodationIds: v.optional(v.array(v.string())),
    student: v.object({ id: v.string(), name: v.string(), grade: v.string(), schoolName: v.string() }),
  }),
);

/** Item shapes of a student partition: the student, its relationships and its IEP versions. */
export function studentItem(student: StudentInfo) {
  return {
    ...keys.student(student.id),
    ...keys.studentInDistrict(student.districtId, sortName(student), student.id),
    type: "student",
    ...student,
  };
}

/** One item per word of the student's names (keys.studentNameWord): what the director's search by any part of a name reads. */
export const studentWordItems = (student: StudentInfo) =>
  nameWords(student).map((word) => ({
    ...keys.studentNameWord(student.districtId, word, sortName(student), student.id),
    type: "student-word",
    studentId: student.id,
  }));

/** The word items a name change leaves behind: deleted with the student's next write. */
export const staleWordKeys = (before: StudentInfo | undefined, after: StudentInfo) => {
  if (!before || sortName(before) === sortName(after)) return [];
  return nameWords(before).map((word) => keys.studentNameWord(before.districtId, word, sortName(before), before.id));
};

export const studentWordItem = itemType("student name word", v.object({ studentId: v.string() }));

export function relationshipItem(rel: Relationship, student: StudentInfo) {
  return {
    ...keys.relationship(rel.studentId, rel.userId),
    ...keys.relationshipForUser(rel.userId, sortName(student), rel.studentId),
    type: "relationship",
    ...rel,
    student: { id: student.id, name: studentName(student), grade: student.grade, schoolName: student.schoolName },
  };
}

export interface StudentRecord {
  student: StudentInfo;
  relationships: Relationship[];
  ieps: IepVersion[];
  acknowledgments: IepAcknowledgment[];
}

const acknowledgmentItemType = itemType<IepAcknowledgment>(
  "IEP acknowledgment",
  v.object({ studentId: v.string(), userId: v.string(), version: v.number(), at: v.string() }),
);

/** Splits the items of one student partition (one Query) into its parts. */
export function parseStudentPartition(items: Item[]): StudentRecord | undefined {
  let student: StudentInfo | undefined;
  const relationships: Relationship[] = [];
  const ieps: IepVersion[] = [];
  const acknowledgments: IepAcknowledgment[] = [];
  for (const item of items) {
    const kind = studentItemKind(String(item.sk));
    if (kind === "student") student = fromItem(studentItemType, item);
    else if (kind === "relationship") relationships.push(fromItem(relationshipItemType, item));
    else if (kind === "iep") ieps.push(Iep.fromItem(item));
    else if (kind === "acknowledgment") acknowledgments.push(fromItem(acknowledgmentItemType, item));
  }
  return student && { student, relationships, ieps, acknowledgments };
}
