/**
 * A valid OneRoster 1.1 set plus Fidelio's files for a district of `students` students: five schools,
 * one guardian per student, three classes per student (one teacher each, 25 students a class), a case
 * manager for every 40 students, a director, and two IEP items per student. For the bench and the
 * crash test; every row passes the importer's checks.
 */
export function generateRoster(students: number, domain = "bench.fidelio.test"): Record<string, string> {
  const schools = 5;
  const perClass = 25;
  const classesPerStudent = 3;
  const managers = Math.max(1, Math.ceil(students / 40));
  const pad = (n: number) => String(n).padStart(5, "0");
  const school = (i: number) => `sch-${i % schools}`;

  const orgs = ["sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId", "dist,active,2026-08-01,Bench Unified,district,,"];
  for (let s = 0; s < schools; s++) orgs.push(`sch-${s},active,2026-08-01,Bench School ${s + 1},school,,dist`);

  const users = ["sourcedId,status,orgSourcedIds,role,givenName,familyName,email,agentSourcedIds,grades"];
  users.push(`dir,active,dist,administrator,Dana,Director,director@${domain},,`);
  for (let m = 0; m < managers; m++) users.push(`cm-${pad(m)},active,${school(m)},teacher,Casey,Manager${m},cm${m}@${domain},,`);
  for (let i = 0; i < students; i++) {
    users.push(`stu-${pad(i)},active,${school(i)},student,Student${i},Family${i},,grd-${pad(i)},0${3 + (i % 6)}`);
    users.push(`grd-${pad(i)},active,${school(i)},parent,Guardian${i},Family${i},g${i}@${domain},,`);
  }

  const classes = ["sourcedId,status,title,schoolSourcedId"];
  const enrollments = ["sourcedId,status,classSourcedId,schoolSourcedId,userSourcedId,role"];
  // Classes are filled school by school, so a class's students share its school.
  const bySchool = Array.from({ length: schools }, (_, s) => Array.from({ length: students }, (_, i) => i).filter((i) => i % schools === s));
  let c = 0;
  for (let s = 0; s < schools; s++) {
    const seats = bySchool[s]!.flatMap((i) => Array.from({ length: classesPerStudent }, (_, k) => ({ i, k }))).sort((a, b) => a.k - b.k || a.i - b.i);
    for (let start = 0; start < seats.length; start += perClass, c++) {
      classes.push(`cls-${pad(c)},active,Class ${c},sch-${s}`);
      enrollments.push(`en-t-${pad(c)},active,cls-${pad(c)},sch-${s},tch-${pad(c)},teacher`);
      for (const seat of seats.slice(start, start + perClass))
        enrollments.push(`en-${pad(seat.i)}-${seat.k},active,cls-${pad(c)},sch-${s},stu-${pad(seat.i)},student`);
    }
  }
  // One teacher per class, in the class's school.
  for (const row of classes.slice(1)) {
    const [id, , , schoolId] = row.split(",");
    const n = Number(id!.slice(4));
    users.push(`tch-${pad(n)},active,${schoolId},teacher,Terry,Teacher${n},t${n}@${domain},,`);
  }

  const roles = ["userSourcedId,role", "dir,director", ...Array.from({ length: managers }, (_, m) => `cm-${pad(m)},case_manager`)];
  const caseload = ["studentSourcedId,caseManagerSourcedId", ...Array.from({ length: students }, (_, i) => `stu-${pad(i)},cm-${pad(i % managers)}`)];
  const iep = ["studentSourcedId,effectiveFrom,itemType,itemId,text,minutesPerWeek,providerRole,area,classSourcedIds"];
  for (let i = 0; i < students; i++) {
    iep.push(`stu-${pad(i)},2026-09-01,accommodation,a-time,Extended time on tests,,,,`);
    iep.push(`stu-${pad(i)},2026-09-01,service,s-read,Specialized reading instruction,${60 + (i % 4) * 30},Special education teacher,,`);
  }
  const text = (rows: string[]) => `${rows.join("\n")}\n`;
  return {
    "orgs.csv": text(orgs),
    "users.csv": text(users),
    "classes.csv": text(classes),
    "enrollments.csv": text(enrollments),
    "fidelio_roles.csv": text(roles),
    "fidelio_caseload.csv": text(caseload),
    "fidelio_iep_items.csv": text(iep),
  };
}
