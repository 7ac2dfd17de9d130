import { keys, studentItemKind } from "../dynamo/keys";
import { Iep, type IepVersion } from "../iep";
import { sortName, studentName, type Relationship, type StudentInfo } from "./schema";

/** Item shapes of a student partition: the student, its relationships and its IEP versions. */
export function studentItem(student: StudentInfo) {
  return {
    ...keys.student(student.id),
    ...keys.studentInDistrict(student.districtId, sortName(student), student.id),
    type: "student",
    ...student,
  };
}

export function relationshipItem(rel: Relationship, student: StudentInfo) {
  return {
    ...keys.relationship(rel.studentId, rel.userId),
    ...keys.relationshipForUser(rel.userId, sortName(student), rel.studentId),
    type: "relationship",
    ...rel,
    student: { id: student.id, name: studentName(student), grade: student.grade, schoolName: student.schoolName },
  };
}

const strip = <T>(item: Record<string, unknown>) => {
  const { pk: _p, sk: _s, gsi1pk: _g, gsi1sk: _h, type: _t, ...rest } = item;
  return rest as T;
};

export interface StudentRecord {
  student: StudentInfo;
  relationships: Relationship[];
  ieps: IepVersion[];
}

/** Splits the items of one student partition (one Query) into its parts. */
export function parseStudentPartition(items: Array<Record<string, unknown>>): StudentRecord | undefined {
  let student: StudentInfo | undefined;
  const relationships: Relationship[] = [];
  const ieps: IepVersion[] = [];
  for (const item of items) {
    const kind = studentItemKind(String(item.sk));
    if (kind === "student") student = strip<StudentInfo>(item);
    else if (kind === "relationship") relationships.push(strip<Relationship>(item));
    else if (kind === "iep") ieps.push(Iep.fromItem(item));
  }
  return student && { student, relationships, ieps };
}
