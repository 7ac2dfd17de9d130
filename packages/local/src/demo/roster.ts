import { classes, demoDomain, iepItemsFor, iepStartFor, orgs, specialGuardianEmails, staff, students } from "./catalog";

/**
 * The demo district as the files a district would upload: OneRoster 1.1 CSVs plus Fidelio's own.
 * Elementary families are linked from the student's agentSourcedIds, middle-school families from the
 * guardian's, so the seed exercises both directions the importer accepts.
 */

const modified = "2026-08-01T00:00:00.000Z";

function csv(header: string[], rows: Array<Array<string | number | undefined>>) {
  const cell = (value: string | number | undefined) => {
    const text = value === undefined ? "" : String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(cell).join(",")).join("\n")}\n`;
}

const studentId = (index: number) => `stu-${String(index + 1).padStart(3, "0")}`;
const guardianId = (index: number, n: number) => `grd-${String(index + 1).padStart(3, "0")}-${n + 1}`;
const guardianEmail = (first: string, last: string) => specialGuardianEmails[`${first} ${last}`] ?? `${first}.${last}@${demoDomain}`.toLowerCase();

/** Who sits in which class: each grade's classes, plus the learning-support groups. */
function classesOf(index: number) {
  const student = students[index]!;
  const ofGrade = classes.filter((c) => c.school === student.school && c.grade === student.grade).map((c) => c.sourcedId);
  const supportGroup = index % 3 === 0 ? [student.school === "rb-es" ? "cls-es-ls" : "cls-ms-ls"] : [];
  return [...ofGrade, ...supportGroup];
}

const userHeader = [
  "sourcedId",
  "status",
  "dateLastModified",
  "enabledUser",
  "orgSourcedIds",
  "role",
  "username",
  "userIds",
  "givenName",
  "familyName",
  "middleName",
  "identifier",
  "email",
  "sms",
  "phone",
  "agentSourcedIds",
  "grades",
  "password",
];

function usersCsv() {
  const rows: Array<Array<string | undefined>> = [];
  for (const s of staff) {
    rows.push([
      s.sourcedId,
      "active",
      modified,
      "true",
      s.org,
      s.role,
      s.email,
      "",
      s.given,
      s.family,
      "",
      s.sourcedId.toUpperCase(),
      s.email,
      "",
      "",
      "",
      "",
      "",
    ]);
  }
  students.forEach((s, i) => {
    const guardians = s.guardians.map((_, n) => guardianId(i, n));
    const agents = s.school === "rb-es" ? guardians.join(",") : "";
    rows.push([studentId(i), "active", modified, "true", s.school, "student", "", "", s.first, s.last, "", `S${100200 + i}`, "", "", "", agents, s.grade, ""]);
    s.guardians.forEach(([first, last], n) => {
      const email = guardianEmail(first, last);
      const agentsOfGuardian = s.school === "rb-ms" ? studentId(i) : "";
      rows.push([
        guardianId(i, n),
        "active",
        modified,
        "true",
        s.school,
        n === 0 ? "parent" : "guardian",
        email,
        "",
        first,
        last,
        "",
        "",
        email,
        "",
        "",
        agentsOfGuardian,
        "",
        "",
      ]);
    });
  });
  // A student who moved away during the summer: the SIS marks the record, the import skips it.
  rows.push(["stu-999", "tobedeleted", modified, "false", "rb-es", "student", "", "", "Owen", "Parker", "", "S100999", "", "", "", "", "04", ""]);
  return csv(userHeader, rows);
}

function enrollmentsCsv() {
  const rows: string[][] = [];
  for (const c of classes)
    rows.push([`enr-${c.sourcedId}-${c.teacher}`, "active", modified, c.sourcedId, c.school, c.teacher, "teacher", "true", "2026-08-19", "2027-06-04"]);
  students.forEach((s, i) => {
    for (const classId of classesOf(i))
      rows.push([`enr-${classId}-${studentId(i)}`, "active", modified, classId, s.school, studentId(i), "student", "false", "2026-08-19", "2027-06-04"]);
  });
  return csv(
    ["sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"],
    rows,
  );
}

function iepItemsCsv() {
  const rows: Array<Array<string | number | undefined>> = [];
  students.forEach((s, i) => {
    for (const item of iepItemsFor(i, s.first, s.school)) {
      rows.push([
        studentId(i),
        iepStartFor(i),
        item.itemType,
        item.itemId,
        item.text,
        item.minutesPerWeek,
        item.providerRole,
        item.area,
        item.classSourcedIds?.join(" "),
      ]);
    }
  });
  return csv(["studentSourcedId", "effectiveFrom", "itemType", "itemId", "text", "minutesPerWeek", "providerRole", "area", "classSourcedIds"], rows);
}

/** Every file of the demo roster, as text, keyed by file name. */
export function demoRosterCsv(): Record<string, string> {
  return {
    "manifest.csv": csv(
      ["propertyName", "value"],
      [
        ["manifest.version", "1.0"],
        ["oneroster.version", "1.1"],
        ["file.orgs", "bulk"],
        ["file.users", "bulk"],
        ["file.classes", "bulk"],
        ["file.enrollments", "bulk"],
      ],
    ),
    "orgs.csv": csv(
      ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"],
      orgs.map((o) => [o.sourcedId, "active", modified, o.name, o.type, o.sourcedId.toUpperCase(), o.parent]),
    ),
    "users.csv": usersCsv(),
    "classes.csv": csv(
      [
        "sourcedId",
        "status",
        "dateLastModified",
        "title",
        "grades",
        "courseSourcedId",
        "classCode",
        "classType",
        "location",
        "schoolSourcedId",
        "termSourcedIds",
        "subjects",
        "subjectCodes",
        "periods",
      ],
      classes.map((c) => [
        c.sourcedId,
        "active",
        modified,
        c.title,
        c.grade,
        "",
        c.sourcedId.toUpperCase(),
        c.school === "rb-es" && c.grade ? "homeroom" : "scheduled",
        "",
        c.school,
        "term-2026-27",
        "",
        "",
        "",
      ]),
    ),
    "enrollments.csv": enrollmentsCsv(),
    "fidelio_roles.csv": csv(
      ["userSourcedId", "role"],
      staff.flatMap((s) => ("fidelioRole" in s ? [[s.sourcedId, s.fidelioRole]] : [])),
    ),
    "fidelio_caseload.csv": csv(
      ["studentSourcedId", "caseManagerSourcedId"],
      students.map((s, i) => [studentId(i), s.school === "rb-es" ? "stf-002" : "stf-009"]),
    ),
    "fidelio_iep_items.csv": iepItemsCsv(),
  };
}

/** The same roster as the upload the importer takes. */
export function demoRosterFiles(): Array<{ name: string; bytes: Uint8Array }> {
  const encoder = new TextEncoder();
  return Object.entries(demoRosterCsv()).map(([name, text]) => ({ name, bytes: encoder.encode(text) }));
}
