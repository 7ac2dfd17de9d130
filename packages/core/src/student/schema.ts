import * as v from "valibot";

export const relationshipKinds = ["guardian", "teacher", "case_manager"] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

export const StudentInfo = v.object({
  id: v.string(),
  districtId: v.string(),
  schoolId: v.string(),
  schoolName: v.string(),
  firstName: v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(80)),
  lastName: v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(80)),
  grade: v.pipe(v.string(), v.trim(), v.maxLength(8)),
  sourcedId: v.optional(v.string()),
  /** The roster import's mark of the IEP rows the district's system last gave (roster/plan.ts); not shown. */
  rosterIep: v.optional(v.string()),
});
export type StudentInfo = v.InferOutput<typeof StudentInfo>;

/** A staff member or guardian linked to one student; for teachers, which classes and accommodations apply. */
export interface Relationship {
  studentId: string;
  userId: string;
  userName: string;
  kind: RelationshipKind;
  classes?: Array<{ id: string; title: string }>;
  /** Accommodation ids that apply in this teacher's classes; absent means all of them. */
  accommodationIds?: string[];
  student: { id: string; name: string; grade: string; schoolName: string };
}

export const studentName = (s: Pick<StudentInfo, "firstName" | "lastName">) => `${s.firstName} ${s.lastName}`;
/**
 * How names are compared and searched: lower case, accents dropped, punctuation as spaces, so
 * "Núñez, Sofía" and "nunez sof" meet.
 */
export const normalizeName = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Every word of a student's names, normalized ("Ana María" "de la Cruz": ana, maria, de, la, cruz): a search finds a student by any of them. */
export const nameWords = (s: Pick<StudentInfo, "firstName" | "lastName">) => [
  ...new Set(normalizeName(`${s.firstName} ${s.lastName}`).split(" ").filter(Boolean)),
];

/** The key students are ordered and searched by: "last first", normalized. */
export const sortName = (s: Pick<StudentInfo, "firstName" | "lastName">) => normalizeName(`${s.lastName} ${s.firstName}`);
