import { setTimeout as sleep } from "node:timers/promises";
import { hasRole, type UserActor, type Role } from "../actor";
import type { AuditReason } from "../audit/reasons";
import { forbidden, notFound } from "../error";
import type { StudentRecord } from "../student/items";
import * as concerns from "./concerns";
import * as help from "./help";
import { relationshipGrant } from "./relationships";

export type { ConcernSeen } from "./concerns";

/**
 * The one authorization mechanism. A route's action names the roles that may ever do it (otherwise
 * 403); for a student's records the actor must also hold one of those roles *toward that student*
 * through a relationship (otherwise 404, so records that are not yours are indistinguishable from
 * records that do not exist). What the web shows a person comes from here too (`can`), never from
 * the web reading roles itself.
 */
const policy = {
  "student.list": ["district_admin", "director", "case_manager", "teacher", "parent", "advocate"],
  /** Search and filter every student of the district. */
  "student.search": ["district_admin", "director"],
  // Advocates will reach a student only through a concern handed to them; until then every read is 404.
  "student.read": ["district_admin", "director", "case_manager", "teacher", "parent", "advocate"],
  /** A teacher's classes, each with its students and the accommodations that apply there. */
  "class.list": ["teacher"],
  "caseload.list": ["case_manager"],
  "children.list": ["parent"],
  "concern.handedOver": ["advocate"],
  "audit.read": ["district_admin", "director", "parent"],
  /** A new IEP version: the student's case manager, or the district's director or administrator. */
  "iep.write": ["district_admin", "director", "case_manager"],
  /** Acknowledging what one must provide under an IEP version (34 CFR 300.323(d)). */
  "iep.acknowledge": ["teacher", "case_manager"],
  /** One's own weekly fidelity forms, for the students one serves. */
  "fidelity.form": ["teacher", "case_manager"],
  /** A student's delivered and owed, week by week. */
  "fidelity.read": ["district_admin", "director", "case_manager", "teacher", "parent"],
  "fidelity.report": ["district_admin", "director"],
  "concern.file": ["parent"],
  /** Asking for one's child's education records (34 CFR 300.613), and downloading them once released. */
  "records.request": ["parent"],
  /** A make-up (compensatory) plan from a service's owed balance: the student's case manager, or the district's director. */
  "compensatory.write": ["director", "case_manager"],
  /** Answering a records request: the district's director or the student's case manager releases the records. */
  "records.release": ["director", "case_manager"],
  /** Which concerns: parents their children's, staff assigned or caseload, the director the district's, advocates handed over (concerns.ts). */
  "concern.read": ["director", "case_manager", "teacher", "parent", "advocate"],
  /**
   * The district's escalation board: every open concern by level and deadline. The special-education
   * director's alone; the district administrator runs the roster and the settings, and is answered
   * like every other role here (concern/board.ts).
   */
  "concern.board": ["director"],
  /** Where supports fail across students, classes and staff (patterns/): the special-education director's, like the board. */
  "patterns.report": ["director"],
  /**
   * Help requests (help/): the case managers who answer them and the teachers who asked. Anyone else,
   * a parent or the director included, is answered as if there were none (404); the director sees
   * their counts (`help.counts`). Which request and which action: ./help.ts.
   */
  "help.list": ["case_manager", "teacher"],
  /** How many help requests are open, past due and answered, by school: on the director's patterns and fidelity reports. */
  "help.counts": ["director"],
  /** The shared note on a student's week, between the student's teachers and case manager. */
  "team-note.write": ["case_manager", "teacher"],
  "district.read": ["district_admin", "director"],
  "district.update": ["district_admin"],
  "roster.import": ["district_admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof policy;
/** Every action of the policy. */
export const policyActions = Object.keys(policy) as Action[];

export interface Grant {
  role: Role;
  /** Why this actor may see the record, written into the audit trail as a code. */
  reason: AuditReason;
}

/** Every role the actor holds toward this student, with the reason. */
export function grantsFor(actor: UserActor, record: StudentRecord): Grant[] {
  const grants: Grant[] = record.relationships
    .filter((rel) => rel.userId === actor.userId)
    .map((rel) => relationshipGrant[rel.kind])
    .filter((grant) => hasRole(actor, grant.role));
  if (record.student.districtId === actor.districtId) grants.push(...districtGrants(actor));
  return grants;
}

/** The roles a director or admin holds toward every student of their own district. */
export function districtGrants(actor: UserActor): Grant[] {
  const grants: Grant[] = [];
  if (hasRole(actor, "director")) grants.push({ role: "director", reason: "director" });
  if (hasRole(actor, "district_admin")) grants.push({ role: "district_admin", reason: "district_admin" });
  return grants;
}

/** The role a relationship gives, when the actor still holds that role. */
export function relationshipRole(actor: UserActor, kind: keyof typeof relationshipGrant): Role | undefined {
  const { role } = relationshipGrant[kind];
  return hasRole(actor, role) ? role : undefined;
}

const allows = (action: Action, roles: readonly Role[]) => roles.some((role) => (policy[action] as readonly Role[]).includes(role));

/**
 * A 404 must not tell "not yours" from "does not exist" by its timing either. The two do different
 * work where it cannot be evened out: the read returns the other student's partition, or nothing
 * (a fraction of a millisecond apart: docs/benchmarks.md). So every 404 is
 * answered no sooner than this long after the request began, longer than either path takes.
 */
export const notFoundFloorMs = 40;

export namespace Access {
  /** Waits out the rest of the 404 floor; `startedAt` is `performance.now()` when the request began. */
  export async function holdNotFound(startedAt: number): Promise<void> {
    // A timer may fire up to a millisecond early against performance.now() (the event loop's clock is
    // cached and whole milliseconds), so wait again until the floor has truly passed.
    for (let rest = startedAt + notFoundFloorMs - performance.now(); rest > 0; rest = startedAt + notFoundFloorMs - performance.now()) {
      await sleep(Math.ceil(rest));
    }
  }

  /** Throws 403 when the actor's roles can never do `action`. */
  export function requireAction(actor: UserActor, action: Action): void {
    if (!hasRole(actor, ...policy[action])) throw forbidden();
  }

  export const may = (actor: UserActor, action: Action) => allows(action, actor.roles);

  /** The district-wide grant (director, then administrator) that allows `action` on every student of the actor's district. */
  export const districtGrant = (actor: UserActor, action: Action): Grant | undefined => districtGrants(actor).find((g) => allows(action, [g.role]));

  /** Whether the actor is the student's parent or guardian, and still holds the parent role: the family's own actions are theirs. */
  export const isGuardian = (actor: UserActor, record: StudentRecord | undefined) =>
    !!relationshipRole(actor, "guardian") && concerns.tiesTo(actor, record).includes("guardian");

  /** Why the actor may see a concern (the audit reason), or nothing: then 404. The ways and their one order: concerns.ts. */
  export const concernReason = concerns.concernReason;
  export const tiesTo = concerns.tiesTo;
  export const concernTies = concerns.concernTies;
  export const seesDistrictConcerns = concerns.seesDistrictConcerns;
  export const opensPacket = concerns.opensPacket;

  /** Why the actor may see a help request and what they may do with it, or nothing: then 404. The ways: help.ts. */
  export const helpAccess = help.helpAccess;

  /** Throws 403 or 404 as described above; returns the grant that allows it. */
  export function toStudent(actor: UserActor, action: Action, record: StudentRecord | undefined): Grant {
    requireAction(actor, action);
    const grant = record && grantsFor(actor, record).find((g) => allows(action, [g.role]));
    if (!grant) throw notFound("Student");
    return grant;
  }

  /** What the actor may do with one student, given the roles they hold toward that student. */
  export function onStudent(towardRoles: readonly Role[]) {
    return {
      viewAudit: allows("audit.read", towardRoles),
      editIep: allows("iep.write", towardRoles),
      fileConcern: allows("concern.file", towardRoles),
      viewFidelity: allows("fidelity.read", towardRoles),
      acknowledgeIep: allows("iep.acknowledge", towardRoles),
      requestRecords: allows("records.request", towardRoles),
      releaseRecords: allows("records.release", towardRoles),
      planMakeUp: allows("compensatory.write", towardRoles),
    };
  }

  /** What the actor may do anywhere in the app: the web builds its navigation and home page from it. */
  export function overall(actor: UserActor) {
    return {
      viewAllStudents: may(actor, "student.search"),
      viewMyClasses: may(actor, "class.list"),
      viewCaseload: may(actor, "caseload.list"),
      viewMyChildren: may(actor, "children.list"),
      viewHandedOverConcerns: may(actor, "concern.handedOver"),
      viewConcerns: may(actor, "concern.read"),
      viewEscalationBoard: may(actor, "concern.board"),
      viewDistrictSettings: may(actor, "district.read"),
      editDistrict: may(actor, "district.update"),
      importRoster: may(actor, "roster.import"),
      fillFidelityForms: may(actor, "fidelity.form"),
      viewFidelityReport: may(actor, "fidelity.report"),
      viewPatterns: may(actor, "patterns.report"),
      viewHelpRequests: may(actor, "help.list"),
    };
  }
}
