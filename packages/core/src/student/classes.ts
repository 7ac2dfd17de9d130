import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { keys, queryAll } from "../dynamo";
import { Iep } from "../iep";
import { districtToday } from "../clock";
import { District } from "../district";
import { mapLimit } from "../concurrency";
import { parseStudentPartition, relationshipItemType } from "./items";

/**
 * A teacher's classes, each with the students they serve there and the accommodations that apply
 * in that class, so nobody opens every record to learn who needs what. Reads the teacher's links
 * (one Query) and each served student's partition (one Query each, 10 at a time): the work grows
 * with the teacher's own students, never with the district. The roster records which accommodations
 * apply in a teacher's classes with a student, not class by class: a student the teacher has in two
 * classes shows the same list in both.
 */
export async function classesOf(actor: UserActor) {
  Access.requireAction(actor, "class.list");
  const [links, district] = await Promise.all([
    queryAll(relationshipItemType, keys.studentsOfUser(actor.userId)).then((all) => all.filter((rel) => rel.kind === "teacher")),
    District.load(actor.districtId),
  ]);
  const today = districtToday(district ?? {});
  const served = await mapLimit(links, 10, async (link) => {
    const record = parseStudentPartition(await queryAll(keys.studentPartition(link.studentId)));
    const mine = record?.relationships.find((rel) => rel.userId === actor.userId && rel.kind === "teacher");
    if (!record || !mine) return undefined;
    const iep = Iep.inEffect(record.ieps, today);
    const accommodations = (iep?.accommodations ?? []).filter((a) => !mine.accommodationIds || mine.accommodationIds.includes(a.id));
    return { link: mine, iepVersion: iep?.version, student: { ...mine.student, accommodations } };
  });
  const present = served.filter((s) => s !== undefined);

  const classes = new Map<string, { id: string; title: string; students: Array<(typeof present)[number]["student"]> }>();
  for (const { link, student } of present) {
    for (const cls of link.classes?.length ? link.classes : [{ id: "", title: "" }]) {
      const entry = classes.get(cls.id) ?? { id: cls.id, title: cls.title, students: [] };
      entry.students.push(student);
      classes.set(cls.id, entry);
    }
  }
  await Audit.recordMany(
    actor,
    present.map(({ student, iepVersion }) => ({
      studentId: student.id,
      action: "student.class-list",
      record: iepVersion ? `student:name,grade,school;iep:v${iepVersion}:accommodations` : "student:name,grade,school",
      reason: "teacher",
    })),
  );
  const items = [...classes.values()].sort((a, b) => (a.id === "" ? 1 : b.id === "" ? -1 : a.title.localeCompare(b.title, "en", { numeric: true })));
  return { items };
}
