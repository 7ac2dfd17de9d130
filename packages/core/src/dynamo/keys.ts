/**
 * Every key shape in the table. Nothing outside this file writes a key string.
 *
 * Access patterns (all are GetItem or Query; none Scans):
 *  - district settings            Get    pk=DIST#<districtId>            sk=DISTRICT
 *  - schools of a district        Query  pk=DIST#<districtId>            sk begins_with SCHOOL#
 *  - roster source id -> our id   Query  pk=DIST#<districtId>            sk begins_with SRC#
 *  - students of a district       Query  gsi1 gsi1pk=DIST#<districtId>#STUDENTS gsi1sk=<searchName>#<studentId>
 *    by name (director search)    Query  same, gsi1sk begins_with <normalized prefix> ("last first", lower case,
 *                                 no accents). School and grade filter the name-ordered pages (a bounded read,
 *                                 see student/search.ts): one index, no item per school to keep in step.
 *    by any word of the name    Query  pk=DIST#<districtId>#STUWORDS     sk begins_with <normalized word prefix> (sk=<word>#<last first>#<studentId>;
 *                                 one item per word of the first and last names, written and removed with the student item)
 *  - demo seed finished (marker) Get    pk=DIST#<districtId>            sk=SEEDED (demo concerns: SEEDED#CONCERNS)
 *  - user by id                   Get    pk=USER#<userId>                sk=USER
 *  - user by email (unique)       Get    pk=EMAIL#<email>                sk=EMAIL
 *  - students related to a user   Query  gsi1 gsi1pk=USER#<userId>#STUDENTS   (guardian, teacher, case manager links)
 *  - a student with its links and IEP versions
 *                                 Query  pk=STU#<studentId>              (sk STUDENT, REL#<userId>, IEP#<from>#<v>)
 *  - one relationship             Get    pk=STU#<studentId>              sk=REL#<userId>
 *  - sign-in code for an email    Get    pk=CODE#<emailHash>             sk=CODE
 *  - session by token hash        Get    pk=SESSION#<tokenHash>          sk=SESSION  (BatchGet with its user)
 *  - rate-limit counter           Update pk=RATE#<limit>#<subjectHash>    sk=<windowIndex> (TTL ends it)
 *  - outbox email                 Get    pk=OUTBOX#<outboxId>            sk=OUTBOX  (in the outbox table, whose stream feeds the sender;
 *                                 every OUTBOX# key below is there too: client.ts's tableOf routes by this prefix)
 *  - outbox emails not yet settled
 *                                 Query  gsi1 gsi1pk=OUTBOX#OPEN  gsi1sk=<createdAt>#<outboxId> (sparse: removed once delivered or failed)
 *  - sign-in decoys (never read)  gsi1 gsi1pk=OUTBOX#DECOY: an unknown address's stand-in costs the same index write
 *  - audit trail of a student     Query  pk=AUDIT#STU#<studentId>        sk=<isoTime>#<auditId> (newest last)
 *    records opened or changed    Query  gsi1 gsi1pk=AUDIT#STU#<studentId>#OPENED gsi1sk=<isoTime>#<auditId>
 *                                 (sparse: list sightings, the bulk of the trail, are not indexed; filtering
 *                                 for them is a bounded read of the main partition, where they dominate)
 *  - concern (the escalation's source of truth)
 *                                 Get    pk=CON#<concernId>              sk=CONCERN
 *    a concern with its timeline  Query  pk=CON#<concernId>              (sk CONCERN, EV#<seq>; events append-only, seq zero-padded)
 *    concerns of a district       Query  gsi1 gsi1pk=DIST#<districtId>#CONCERNS gsi1sk=<createdAt>#<concernId> (newest first)
 *    concerns of a student        Query  pk=CONLINK#STU#<studentId>      sk=<createdAt>#<concernId> (link items; read the concerns by BatchGet)
 *    concerns a person may list (family and case manager at filing, each assignee when assigned or handed)
 *                                 Query  pk=CONLINK#USER#<userId>        sk=<createdAt>#<concernId> (link items, one per person and concern)
 *    open concerns (the local runner resumes them after a restart)
 *                                 Query  pk=CONCERNS#OPEN                sk=<concernId> (deleted when the concern closes)
 *    the district's concern reference counter
 *                                 Get    pk=DIST#<districtId>            sk=CONREFSEQ (`last`, set in each filing's transaction,
 *                                 conditional on the value read: two filings at once cannot take one number)
 *    concern by reference         Get    pk=DIST#<districtId>            sk=CONREF#<reference> (attribute_not_exists; "C-1042")
 *    filing replay guard          Get    pk=CONIDEM#<userId>#<sha256(Idempotency-Key)> sk=IDEM (TTL ends it)
 *    the director's board: open concerns in deadline order, one partition per filter scope
 *                                 Query  pk=BOARD#<districtId>#<scope>   sk=<0 missed a deadline|1>#<dueAt|~>#<levelSince>#<concernId>
 *                                 (scope ALL, L#<level>, S#<schoolId>, S#<schoolId>#L#<level>: index items, one per
 *                                 scope, replaced in each transition's transaction; gone when the concern closes)
 *    the board's counters         Query  pk=BOARDSTAT#<districtId>#<ALL|S#schoolId>  sk=TOTALS (open, overdue, per level),
 *                                 sk=RESOLVED#<yyyy-mm-dd> (closings that day, days-to-resolution histogram),
 *                                 sk=MISSED#<schoolId> (deadlines missed, ALL partition only); ADD in the transition's transaction
 *    legal clocks of a district by the day they end (the director's board: those ending within 30 days)
 *                                 Query  pk=CLOCK#<districtId>           sk between <from> and <to>~ (sk=<endsOn>#<kind>#<concernId|requestId>;
 *                                 put with the concern or request that starts the clock, in the same transaction)
 *  - records requests of a student Query  pk=RECREQ#STU#<studentId>       sk=<requestId>
 *    open records requests of a district (the director's board)
 *                                 Query  pk=RECREQ#OPEN#<districtId>      sk=<endsOn>#<requestId> (put with the request, deleted at its release)
 *    emails sent for a concern    Query  pk=CON#<concernId>              sk begins_with MAIL# (<createdAt>#<outboxId>; the packet lists them)
 *    a district's roster users (finding its director and administrators)
 *                                 Query  pk=DIST#<districtId>            sk begins_with SRC#user#
 *  - local workflow runner only (AWS keeps these inside Step Functions):
 *    the current wait of an execution and its deadline
 *                                 Get    pk=WF#<executionName>           sk=WAIT
 *    a callback task token        Get    pk=WFTOKEN#<token>              sk=TOKEN
 *  - IEP version claim (one writer per new version number)
 *                                 Put    pk=STU#<studentId>              sk=IEPV#<version> (attribute_not_exists)
 *  - IEP acknowledgment by a team member
 *                                 Query  pk=STU#<studentId>              sk=ACK#<userId>#<version> (read with the student partition)
 *  - IEP change a team member has yet to acknowledge (their home shows it; one per person and student,
 *    replaced by a later amendment, deleted when they acknowledge that version or a later one)
 *                                 Query  pk=IEPNOTICE#<userId>            sk=STU#<studentId>
 *  - weekly fidelity form         Get    pk=FORM#<formId>                sk=FORM  (formId derived from student, staff, week)
 *    a form's earlier revisions   Query  pk=FORM#<formId>                sk begins_with REV#<revision>
 *    a student's forms by week    Query  gsi1 gsi1pk=STU#<studentId>#FORMS gsi1sk BETWEEN <fromWeek> AND <toWeek>~
 *                                 (gsi1sk=<week>#<staffId>: a window's cost follows the window, not the history)
 *  - districts (the reminder job walks them)
 *                                 Query  pk=DISTRICTS                    sk=<districtId>
 *  - weekly reminder sent (idempotency marker)
 *                                 Put    pk=REMIND#<districtId>#<week>   sk=<TEACHER|CM>#<userId> (attribute_not_exists; TTL ends it)
 *  - roster import job            Get    pk=ROSTERJOB#<jobId>            sk=JOB
 *  - a job's uploaded files       Query  pk=ROSTERJOB#<jobId>            sk begins_with FILE# (<file>#<part>, each < 350 KB)
 *  - a job's plan (JSON)          Query  pk=ROSTERJOB#<jobId>            sk begins_with PLAN# (<part>, each < 350 KB)
 *  - unfinished roster jobs       Query  gsi1 gsi1pk=ROSTERJOBS#OPEN     gsi1sk=<districtId>#<createdAt>#<jobId>
 *  - a district's latest job      Get    pk=ROSTERSLOT#<districtId>      sk=SLOT (one import at a time: job.ts)
 *                                 (sparse: a finished job drops gsi1pk; `begins_with <districtId>#` for one district)
 *  - pattern counts of a school, kept in each form submission's transaction (patterns/counts.ts)
 *                                 Query  pk=PATCOUNT#<districtId>#<schoolId> sk BETWEEN <fromWeek> AND <toWeek>~
 *                                 (sk=<week>#MISS#<classId>#<supportKey> a string set of <studentId>/<formId> not provided;
 *                                 <week>#SUB#<staffId> forms submitted; <week>#SVC#<staffId> required and delivered minutes)
 *  - concerns about a class or a teacher
 *                                 Query  pk=PATCON#<districtId>#<C|T>#<id>  sk BETWEEN <fromDate> AND <toDate>~ (sk=<createdAt>#<concernId>)
 *  - weekly patterns digest sent (idempotency marker)
 *                                 Put    pk=DIGEST#<districtId>#<week>   sk=<userId> (attribute_not_exists; TTL ends it)
 *  - make-up (compensatory) plans of a student
 *                                 Query  pk=COMP#STU#<studentId>          sk=<planId>
 *    minutes planned for each service (the guard against planning past the owed balance; updated with each plan)
 *                                 Get    pk=COMPSUM#STU#<studentId>       sk=<serviceId>
 *    the district's plans by due day (the board: those due before today with minutes left)
 *                                 Query  pk=COMPDUE#<districtId>          sk BETWEEN 0 AND <today># (sk=<dueOn>#<planId>)
 *  - patterns found for directors Query  pk=PATTERNS#<districtId>          sk BETWEEN <fromWeek> AND <toWeek>~
 *                                 (sk=<week>#<kind>#<schoolId>#<subject>: the report reads only what fired, never the forms)
 *  - help request (a teacher asking the student's case manager for help with a support: help/)
 *                                 Get    pk=HELP#<requestId>             sk=HELP
 *    the one open request per student and support (put with the request, deleted when it is resolved)
 *                                 Get    pk=HELPOPEN#<studentId>         sk=<itemId> (attribute_not_exists: a burst opens one)
 *    requests a case manager is to answer / a teacher asked
 *                                 Query  pk=HELPCM#<userId> | HELPT#<userId>  sk=<createdAt>#<requestId> (link items; BatchGet the requests)
 *    open requests of a district by due day (past due: the help_requests_open pattern)
 *                                 Query  pk=HELPDUE#<districtId>         sk BETWEEN 0 AND <day>~ (sk=<dueOn>#<requestId>; deleted at resolve)
 *    help request counts of a school (the director's reports)
 *                                 Query  pk=HELPSTAT#<districtId>        sk=S#<schoolId> (open, resolved: ADD in each open and resolve)
 *  - team note on a student's week (teacher and case manager)
 *                                 Get    pk=TEAMNOTE#<studentId>         sk=<week>
 */
export const keys = {
  district: (districtId: string) => ({ pk: `DIST#${districtId}`, sk: "DISTRICT" }),
  school: (districtId: string, schoolId: string) => ({ pk: `DIST#${districtId}`, sk: `SCHOOL#${schoolId}` }),
  seeded: (districtId: string) => ({ pk: `DIST#${districtId}`, sk: "SEEDED" }),
  seededConcerns: (districtId: string) => ({ pk: `DIST#${districtId}`, sk: "SEEDED#CONCERNS" }),
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
  studentsOfDistrict: (districtId: string, namePrefix?: string) => ({
    index: "gsi1" as const,
    pk: `DIST#${districtId}#STUDENTS`,
    ...(namePrefix && { skPrefix: namePrefix }),
  }),

  studentNameWord: (districtId: string, word: string, sortName: string, studentId: string) => ({
    pk: `DIST#${districtId}#STUWORDS`,
    sk: `${word}#${sortName}#${studentId}`,
  }),
  studentNameWords: (districtId: string, wordPrefix: string) => ({ pk: `DIST#${districtId}#STUWORDS`, skPrefix: wordPrefix }),

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

  iepVersionClaim: (studentId: string, version: number) => ({ pk: `STU#${studentId}`, sk: `IEPV#${String(version).padStart(4, "0")}` }),
  iepAcknowledgment: (studentId: string, userId: string, version: number) => ({
    pk: `STU#${studentId}`,
    sk: `ACK#${userId}#${String(version).padStart(4, "0")}`,
  }),

  iepNotice: (userId: string, studentId: string) => ({ pk: `IEPNOTICE#${userId}`, sk: `STU#${studentId}` }),
  iepNoticesOf: (userId: string) => ({ pk: `IEPNOTICE#${userId}` }),

  fidelityForm: (formId: string) => ({ pk: `FORM#${formId}`, sk: "FORM" }),
  fidelityFormRevision: (formId: string, revision: number) => ({ pk: `FORM#${formId}`, sk: `REV#${String(revision).padStart(4, "0")}` }),
  fidelityFormRevisions: (formId: string) => ({ pk: `FORM#${formId}`, skPrefix: "REV#" }),
  fidelityFormOfStudent: (studentId: string, week: string, staffId: string) => ({ gsi1pk: `STU#${studentId}#FORMS`, gsi1sk: `${week}#${staffId}` }),
  /** `~` sorts after `#` and every id character, so the range takes every staff member of the last week. */
  fidelityFormsOfStudent: (studentId: string, fromWeek: string, toWeek: string) => ({
    index: "gsi1" as const,
    pk: `STU#${studentId}#FORMS`,
    skBetween: [fromWeek, `${toWeek}~`] as [string, string],
  }),

  districtListing: (districtId: string) => ({ pk: "DISTRICTS", sk: districtId }),
  allDistricts: () => ({ pk: "DISTRICTS" }),
  reminderSent: (districtId: string, week: string, to: "TEACHER" | "CM", userId: string) => ({ pk: `REMIND#${districtId}#${week}`, sk: `${to}#${userId}` }),

  signInCode: (emailHash: string) => ({ pk: `CODE#${emailHash}`, sk: "CODE" }),
  session: (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: "SESSION" }),
  rateLimit: (limit: string, subjectHash: string, windowIndex: number) => ({ pk: `RATE#${limit}#${subjectHash}`, sk: String(windowIndex) }),

  outbox: (outboxId: string) => ({ pk: `OUTBOX#${outboxId}`, sk: "OUTBOX" }),
  outboxOpen: (createdAt: string, outboxId: string) => ({ gsi1pk: "OUTBOX#OPEN", gsi1sk: `${createdAt}#${outboxId}` }),
  outboxOpenAll: () => ({ index: "gsi1" as const, pk: "OUTBOX#OPEN" }),
  outboxDecoy: (createdAt: string, outboxId: string) => ({ gsi1pk: "OUTBOX#DECOY", gsi1sk: `${createdAt}#${outboxId}` }),
  isOutbox: (pk: string) => pk.startsWith("OUTBOX#"),

  audit: (studentId: string, at: string, auditId: string) => ({ pk: `AUDIT#STU#${studentId}`, sk: `${at}#${auditId}` }),
  auditOf: (studentId: string) => ({ pk: `AUDIT#STU#${studentId}` }),
  auditOpened: (studentId: string, at: string, auditId: string) => ({ gsi1pk: `AUDIT#STU#${studentId}#OPENED`, gsi1sk: `${at}#${auditId}` }),
  auditOpenedOf: (studentId: string) => ({ index: "gsi1" as const, pk: `AUDIT#STU#${studentId}#OPENED` }),

  concern: (concernId: string) => ({ pk: `CON#${concernId}`, sk: "CONCERN" }),
  concernPartition: (concernId: string) => ({ pk: `CON#${concernId}` }),
  concernEvent: (concernId: string, seq: number) => ({ pk: `CON#${concernId}`, sk: `EV#${String(seq).padStart(6, "0")}` }),
  concernInDistrict: (districtId: string, createdAt: string, concernId: string) => ({
    gsi1pk: `DIST#${districtId}#CONCERNS`,
    gsi1sk: `${createdAt}#${concernId}`,
  }),
  concernsOfDistrict: (districtId: string) => ({ index: "gsi1" as const, pk: `DIST#${districtId}#CONCERNS` }),
  concernOfStudent: (studentId: string, createdAt: string, concernId: string) => ({ pk: `CONLINK#STU#${studentId}`, sk: `${createdAt}#${concernId}` }),
  concernsOfStudent: (studentId: string) => ({ pk: `CONLINK#STU#${studentId}` }),
  concernOfUser: (userId: string, createdAt: string, concernId: string) => ({ pk: `CONLINK#USER#${userId}`, sk: `${createdAt}#${concernId}` }),
  concernsOfUser: (userId: string) => ({ pk: `CONLINK#USER#${userId}` }),
  openConcern: (concernId: string) => ({ pk: "CONCERNS#OPEN", sk: concernId }),
  openConcerns: () => ({ pk: "CONCERNS#OPEN" }),
  concernReferenceCounter: (districtId: string) => ({ pk: `DIST#${districtId}`, sk: "CONREFSEQ" }),
  concernReference: (districtId: string, reference: string) => ({ pk: `DIST#${districtId}`, sk: `CONREF#${reference}` }),
  concernIdempotency: (userId: string, keyHash: string) => ({ pk: `CONIDEM#${userId}#${keyHash}`, sk: "IDEM" }),
  boardEntry: (districtId: string, scope: string, order: string, concernId: string) => ({ pk: `BOARD#${districtId}#${scope}`, sk: `${order}#${concernId}` }),
  boardEntries: (districtId: string, scope: string) => ({ pk: `BOARD#${districtId}#${scope}` }),
  legalClock: (districtId: string, endsOn: string, kind: string, recordId: string) => ({ pk: `CLOCK#${districtId}`, sk: `${endsOn}#${kind}#${recordId}` }),
  legalClocksEnding: (districtId: string, from: string, to: string) => ({ pk: `CLOCK#${districtId}`, skBetween: [from, `${to}~`] as [string, string] }),
  recordsRequest: (studentId: string, requestId: string) => ({ pk: `RECREQ#STU#${studentId}`, sk: requestId }),
  recordsRequestsOf: (studentId: string) => ({ pk: `RECREQ#STU#${studentId}` }),
  openRecordsRequest: (districtId: string, endsOn: string, requestId: string) => ({ pk: `RECREQ#OPEN#${districtId}`, sk: `${endsOn}#${requestId}` }),
  openRecordsRequests: (districtId: string) => ({ pk: `RECREQ#OPEN#${districtId}` }),
  compensatoryPlan: (studentId: string, planId: string) => ({ pk: `COMP#STU#${studentId}`, sk: planId }),
  compensatoryPlansOf: (studentId: string) => ({ pk: `COMP#STU#${studentId}` }),
  /** The minutes of all the student's make-up plans for one service: a conditional counter, so two plans at once cannot over-plan. */
  compensatoryPlanned: (studentId: string, serviceId: string) => ({ pk: `COMPSUM#STU#${studentId}`, sk: serviceId }),
  /** Every make-up plan of a district by its due day; the board reads those due before today and keeps the ones with minutes left. */
  compensatoryDue: (districtId: string, dueOn: string, planId: string) => ({ pk: `COMPDUE#${districtId}`, sk: `${dueOn}#${planId}` }),
  compensatoryDueBefore: (districtId: string, today: string) => ({ pk: `COMPDUE#${districtId}`, skBetween: ["0", `${today}#`] as [string, string] }),
  boardTotals: (districtId: string, scope: string) => ({ pk: `BOARDSTAT#${districtId}#${scope}`, sk: "TOTALS" }),
  boardResolved: (districtId: string, scope: string, day: string) => ({ pk: `BOARDSTAT#${districtId}#${scope}`, sk: `RESOLVED#${day}` }),
  boardResolvedSince: (districtId: string, scope: string, day: string) => ({
    pk: `BOARDSTAT#${districtId}#${scope}`,
    skBetween: [`RESOLVED#${day}`, "TOTALS"] as [string, string],
  }),
  boardMissed: (districtId: string, schoolId: string) => ({ pk: `BOARDSTAT#${districtId}#ALL`, sk: `MISSED#${schoolId}` }),
  boardMissedAll: (districtId: string) => ({ pk: `BOARDSTAT#${districtId}#ALL`, skPrefix: "MISSED#" }),
  concernEmail: (concernId: string, createdAt: string, outboxId: string) => ({ pk: `CON#${concernId}`, sk: `MAIL#${createdAt}#${outboxId}` }),
  concernEmails: (concernId: string) => ({ pk: `CON#${concernId}`, skPrefix: "MAIL#" }),
  rosterUsersOf: (districtId: string) => ({ pk: `DIST#${districtId}`, skPrefix: "SRC#user#" }),

  workflowWait: (executionName: string) => ({ pk: `WF#${executionName}`, sk: "WAIT" }),
  taskToken: (token: string) => ({ pk: `WFTOKEN#${token}`, sk: "TOKEN" }),

  patternCount: (districtId: string, schoolId: string, week: string, what: string) => ({ pk: `PATCOUNT#${districtId}#${schoolId}`, sk: `${week}#${what}` }),
  patternCounts: (districtId: string, schoolId: string, fromWeek: string, toWeek: string) => ({
    pk: `PATCOUNT#${districtId}#${schoolId}`,
    skBetween: [fromWeek, `${toWeek}~`] as [string, string],
  }),
  concernAbout: (districtId: string, about: "C" | "T", id: string, createdAt: string, concernId: string) => ({
    pk: `PATCON#${districtId}#${about}#${id}`,
    sk: `${createdAt}#${concernId}`,
  }),
  concernsAbout: (districtId: string, about: "C" | "T", id: string, fromDate: string, toDate: string) => ({
    pk: `PATCON#${districtId}#${about}#${id}`,
    skBetween: [fromDate, `${toDate}~`] as [string, string],
  }),
  patternDigestSent: (districtId: string, week: string, userId: string) => ({ pk: `DIGEST#${districtId}#${week}`, sk: userId }),
  pattern: (districtId: string, week: string, subject: string) => ({ pk: `PATTERNS#${districtId}`, sk: `${week}#${subject}` }),
  patternsOf: (districtId: string, fromWeek: string, toWeek: string) => ({
    pk: `PATTERNS#${districtId}`,
    skBetween: [fromWeek, `${toWeek}~`] as [string, string],
  }),

  helpRequest: (requestId: string) => ({ pk: `HELP#${requestId}`, sk: "HELP" }),
  helpOpen: (studentId: string, itemId: string) => ({ pk: `HELPOPEN#${studentId}`, sk: itemId }),
  helpForCaseManager: (userId: string, createdAt: string, requestId: string) => ({ pk: `HELPCM#${userId}`, sk: `${createdAt}#${requestId}` }),
  helpsForCaseManager: (userId: string) => ({ pk: `HELPCM#${userId}` }),
  helpOfTeacher: (userId: string, createdAt: string, requestId: string) => ({ pk: `HELPT#${userId}`, sk: `${createdAt}#${requestId}` }),
  helpsOfTeacher: (userId: string) => ({ pk: `HELPT#${userId}` }),
  helpDue: (districtId: string, dueOn: string, requestId: string) => ({ pk: `HELPDUE#${districtId}`, sk: `${dueOn}#${requestId}` }),
  /** Open requests due on or before `lastDay`. */
  helpsDueBy: (districtId: string, lastDay: string) => ({ pk: `HELPDUE#${districtId}`, skBetween: ["0", `${lastDay}~`] as [string, string] }),
  helpStats: (districtId: string, schoolId: string) => ({ pk: `HELPSTAT#${districtId}`, sk: `S#${schoolId}` }),
  helpStatsOf: (districtId: string) => ({ pk: `HELPSTAT#${districtId}` }),
  teamNote: (studentId: string, week: string) => ({ pk: `TEAMNOTE#${studentId}`, sk: week }),

  rosterJob: (jobId: string) => ({ pk: `ROSTERJOB#${jobId}`, sk: "JOB" }),
  rosterJobFile: (jobId: string, file: number, part: number) => ({
    pk: `ROSTERJOB#${jobId}`,
    sk: `FILE#${String(file).padStart(4, "0")}#${String(part).padStart(4, "0")}`,
  }),
  rosterJobFiles: (jobId: string) => ({ pk: `ROSTERJOB#${jobId}`, skPrefix: "FILE#" }),
  /** The plan shown to the administrator (JSON, in parts under 350 KB). */
  rosterJobPlanPart: (jobId: string, part: number) => ({ pk: `ROSTERJOB#${jobId}`, sk: `PLAN#${String(part).padStart(4, "0")}` }),
  rosterJobPlanParts: (jobId: string) => ({ pk: `ROSTERJOB#${jobId}`, skPrefix: "PLAN#" }),
  openRosterJob: (districtId: string, createdAt: string, jobId: string) => ({
    gsi1pk: "ROSTERJOBS#OPEN",
    gsi1sk: `${districtId}#${createdAt}#${jobId}`,
  }),
  rosterSlot: (districtId: string) => ({ pk: `ROSTERSLOT#${districtId}`, sk: "SLOT" }),
  openRosterJobs: (districtId?: string) => ({ index: "gsi1" as const, pk: "ROSTERJOBS#OPEN", skPrefix: districtId ? `${districtId}#` : undefined }),
} as const;

/** Which kind of item a sort key inside a student partition is. */
export const studentItemKind = (sk: string) =>
  sk === "STUDENT" ? "student" : sk.startsWith("REL#") ? "relationship" : sk.startsWith("IEP#") ? "iep" : sk.startsWith("ACK#") ? "acknowledgment" : "other";
