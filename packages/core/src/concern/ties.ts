import { Access } from "../access";
import type { UserActor } from "../actor";
import { keys, queryAll } from "../dynamo";
import { relationshipItemType } from "../student/items";
import type { RelationshipKind } from "../student/schema";

/**
 * The kinds of the actor's links to each student, for Access.concernReason over many concerns. They
 * are read (one Query of the actor's relationship items) only when a link can let this actor see a
 * concern (Access.concernTies): for a director or a teacher nothing is read.
 */
export async function tiesByStudent(actor: UserActor): Promise<(studentId: string) => RelationshipKind[]> {
  const kinds = Access.concernTies(actor);
  const links = kinds.length > 0 ? await queryAll(relationshipItemType, keys.studentsOfUser(actor.userId)) : [];
  const byStudent = new Map<string, RelationshipKind[]>();
  for (const link of links) if (kinds.includes(link.kind)) byStudent.set(link.studentId, [...(byStudent.get(link.studentId) ?? []), link.kind]);
  return (studentId) => byStudent.get(studentId) ?? [];
}
