/**
 * Every key shape in the table. Nothing outside this file writes a key string.
 *
 * Access patterns (all are GetItem or Query; none Scans):
 *  - district settings            Get    pk=DIST#<districtId>            sk=DISTRICT
 *  - schools of a district        Query  pk=DIST#<districtId>            sk begins_with SCHOOL#
 *  - roster source id -> our id   Query  pk=DIST#<districtId>            sk begins_with SRC#
 *  - students of a district       Query  gsi1 gsi1pk=DIST#<districtId>#STUDENTS gsi1sk=<name>#<studentId>
 *  - demo seed finished (marker) Get    pk=DIST#<districtId>            sk=SEEDED
 *  - user by id                   Get    pk=USER#<userId>                sk=USER
 *  - user by email (unique)       Get    pk=EMAIL#<email>                sk=EMAIL
 *  - students related to a user   Query  gsi1 gsi1pk=USER#<userId>#STUDENTS   (guardian, teacher, case manager links)
 *  - a student with its links and IEP versions
 *                                 Query  pk=STU#<studentId>              (sk STUDENT, REL#<userId>, IEP#<from>#<v>)
 *  - one relationship             Get    pk=STU#<studentId>              sk=REL#<userId>
 *  - sign-in code for an email    Get    pk=CODE#<emailHash>             sk=CODE
 *  - session by token hash        Get    pk=SESSION#<tokenHash>          sk=SESSION
 *  - audit trail of a student     Query  pk=AUDIT#STU#<studentId>        sk=<isoTime>#<auditId> (newest last)
 *  - roster import job            Get    pk=ROSTERJOB#<jobId>            sk=JOB
 *  - a job's uploaded files       Query  pk=ROSTERJOB#<jobId>            sk begins_with FILE# (<file>#<part>, each < 350 KB)
 *  - unfinished roster jobs       Query  gsi1 gsi1pk=ROSTERJOBS#OPEN     gsi1sk=<districtId>#<createdAt>#<jobId>
 *                                 (sparse: a finished job drops gsi1pk; `begins_with <districtId>#` for one district)
 */
export const keys = {
  district: (districtId: string) => ({ pk: `DIST#${districtId}`, sk: "DISTRICT" }),
  school: (districtId: string, schoolId: string) => ({ pk: `DIST#${districtId}`, sk: `SCHOOL#${schoolId}` }),
  seeded: (districtId: string) => ({ pk: `DIST#${districtId}`, sk: "SEEDED" }),
  schoolsOf: (districtId: string) => ({ pk: `DIST#${districtId}`, skPrefix: "SCHOOL#" }),
  sourceId: (districtId: string, kind: string, sourcedId: string) => ({
    pk: `DIST#${districtId}`,
    sk: `SRC#${kind}#${sourcedId}`,
  }),
  sourceIdsOf: (districtId: string) => ({ pk: `DIST#${districtId}`, skPrefix: "SRC#" }),

  user: (userId: string) => ({ pk: `USER#${userId}`, sk: "USER" }),
  email: (email: string) => ({ pk: `EMAIL#${email}`, sk: "EMAIL" }),

  student: (studentId: string) => ({ pk: `STU#${studentId}`, sk: "STUDENT" }),
  studentPartition: (studentId: string) => ({ pk: `STU#${studentId}` }),
  studentInDistrict: (districtId: string, sortName: string, studentId: string) => ({
    gsi1pk: `DIST#${districtId}#STUDENTS`,
    gsi1sk: `${sortName}#${studentId}`,
  }),
  studentsOfDistrict: (districtId: string) => ({ index: "gsi1" as const, pk: `DIST#${districtId}#STUDENTS` }),

  relationship: (studentId: string, userId: string) => ({ pk: `STU#${studentId}`, sk: `REL#${userId}` }),
  relationshipForUser: (userId: string, sortName: string, studentId: string) => ({
    gsi1pk: `USER#${userId}#STUDENTS`,
    gsi1sk: `${sortName}#${studentId}`,
  }),
  studentsOfUser: (userId: string) => ({ index: "gsi1" as const, pk: `USER#${userId}#STUDENTS` }),

  iepVersion: (studentId: string, effectiveFrom: string, version: number) => ({
    pk: `STU#${studentId}`,
    sk: `IEP#${effectiveFrom}#${String(version).padStart(4, "0")}`,
  }),

  signInCode: (emailHash: string) => ({ pk: `CODE#${emailHash}`, sk: "CODE" }),
  session: (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: "SESSION" }),

  audit: (studentId: string, at: string, auditId: string) => ({ pk: `AUDIT#STU#${studentId}`, sk: `${at}#${auditId}` }),
  auditOf: (studentId: string) => ({ pk: `AUDIT#STU#${studentId}` }),

  rosterJob: (jobId: string) => ({ pk: `ROSTERJOB#${jobId}`, sk: "JOB" }),
  rosterJobFile: (jobId: string, file: number, part: number) => ({
    pk: `ROSTERJOB#${jobId}`,
    sk: `FILE#${String(file).padStart(4, "0")}#${String(part).padStart(4, "0")}`,
  }),
  rosterJobFiles: (jobId: string) => ({ pk: `ROSTERJOB#${jobId}`, skPrefix: "FILE#" }),
  openRosterJob: (districtId: string, createdAt: string, jobId: string) => ({
    gsi1pk: "ROSTERJOBS#OPEN",
    gsi1sk: `${districtId}#${createdAt}#${jobId}`,
  }),
  openRosterJobs: (districtId?: string) => ({ index: "gsi1" as const, pk: "ROSTERJOBS#OPEN", skPrefix: districtId ? `${districtId}#` : undefined }),

} as const;

/** Which kind of item a sort key inside a student partition is. */
export const studentItemKind = (sk: string) =>
  sk === "STUDENT" ? "student" : sk.startsWith("REL#") ? "relationship" : sk.startsWith("IEP#") ? "iep" : "other";
