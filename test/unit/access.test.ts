import { describe, expect, it } from "vitest";
import { Access, policyActions, type Action, type ConcernSeen } from "@fidelio/core/access";
import { roles, type Role, type UserActor } from "@fidelio/core/actor";
import type { AuditReason } from "@fidelio/core/audit/reasons";
import type { StudentRecord } from "@fidelio/core/student";
import type { RelationshipKind } from "@fidelio/core/student/schema";

/**
 * The access policy as a table: every action for every role, and who sees a concern under which
 * audit reason. Pure rules, no emulator. The expectations are written per role (what each person
 * may do), the policy per action, so a change to either shows here.
 */

const district = "dis_01home0000000000000000000";
const actor = (...held: Role[]): UserActor => ({ kind: "user", userId: "usr_me", email: "me@example.test", name: "Me", districtId: district, roles: held });

const mayDo: Record<Role, Action[]> = {
  district_admin: [
    "student.list",
    "student.search",
    "student.read",
    "audit.read",
    "iep.write",
    "fidelity.read",
    "fidelity.report",
    "district.read",
    "district.update",
    "roster.import",
  ],
  director: [
    "student.list",
    "student.search",
    "student.read",
    "audit.read",
    "iep.write",
    "fidelity.read",
    "fidelity.report",
    "concern.read",
    "concern.board",
    "patterns.report",
    "help.counts",
    "district.read",
    "records.release",
    "compensatory.write",
  ],
  case_manager: [
    "student.list",
    "student.read",
    "caseload.list",
    "iep.write",
    "iep.acknowledge",
    "fidelity.form",
    "fidelity.read",
    "concern.read",
    "records.release",
    "help.list",
    "team-note.write",
    "compensatory.write",
  ],
  teacher: ["student.list", "student.read", "class.list", "iep.acknowledge", "fidelity.form", "fidelity.read", "concern.read", "help.list", "team-note.write"],
  parent: ["student.list", "student.read", "children.list", "audit.read", "fidelity.read", "concern.file", "concern.read", "records.request"],
  advocate: ["student.list", "student.read", "concern.handedOver", "concern.read"],
};

describe("the policy: every action for every role", () => {
  it("names only actions the policy has", () => {
    for (const role of roles) for (const action of mayDo[role]) expect(policyActions).toContain(action);
  });

  const cases = policyActions.flatMap((action) => roles.map((role) => ({ action, role, allowed: mayDo[role].includes(action) })));
  it.each(cases)("$action as $role: allowed $allowed", ({ action, role, allowed }) => {
    expect(Access.may(actor(role), action)).toBe(allowed);
    if (allowed) expect(() => Access.requireAction(actor(role), action)).not.toThrow();
    else expect(() => Access.requireAction(actor(role), action)).toThrow(expect.objectContaining({ status: 403, code: "forbidden" }));
  });

  it("gives a person with several roles what any of them allows, and a person with none nothing", () => {
    for (const action of policyActions) {
      expect(Access.may(actor("teacher", "parent"), action)).toBe(mayDo.teacher.includes(action) || mayDo.parent.includes(action));
      expect(Access.may(actor(), action)).toBe(false);
    }
  });

  it("gives the escalation board to the special-education director alone; the administrator runs roster and settings", () => {
    expect(roles.filter((role) => Access.overall(actor(role)).viewEscalationBoard)).toEqual(["director"]);
    expect(Access.overall(actor("district_admin"))).toMatchObject({ viewEscalationBoard: false, viewConcerns: false, editDistrict: true, importRoster: true });
  });

  it("words the web's flags from the same table", () => {
    const flags: Array<[keyof ReturnType<typeof Access.overall>, Action]> = [
      ["viewAllStudents", "student.search"],
      ["viewMyClasses", "class.list"],
      ["viewCaseload", "caseload.list"],
      ["viewMyChildren", "children.list"],
      ["viewHandedOverConcerns", "concern.handedOver"],
      ["viewConcerns", "concern.read"],
      ["viewEscalationBoard", "concern.board"],
      ["viewDistrictSettings", "district.read"],
      ["editDistrict", "district.update"],
      ["importRoster", "roster.import"],
      ["fillFidelityForms", "fidelity.form"],
      ["viewFidelityReport", "fidelity.report"],
      ["viewPatterns", "patterns.report"],
      ["viewHelpRequests", "help.list"],
    ];
    expect(flags.map(([flag]) => flag).sort()).toEqual(Object.keys(Access.overall(actor())).sort());
    for (const role of roles) for (const [flag, action] of flags) expect(Access.overall(actor(role))[flag]).toBe(mayDo[role].includes(action));
  });

  it("names the district-wide grant a report is read under: the director's before the administrator's", () => {
    expect(Access.districtGrant(actor("director"), "fidelity.report")?.reason).toBe("director");
    expect(Access.districtGrant(actor("district_admin"), "fidelity.report")?.reason).toBe("district_admin");
    expect(Access.districtGrant(actor("director", "district_admin"), "fidelity.report")?.reason).toBe("director");
    expect(Access.districtGrant(actor("district_admin"), "concern.board")).toBeUndefined();
    expect(Access.districtGrant(actor("case_manager"), "fidelity.report")).toBeUndefined();
  });
});

const concern = (over: Partial<ConcernSeen> = {}): ConcernSeen => ({ districtId: district, assignedIds: ["usr_someone"], ...over });
const assigned = concern({ assignedIds: ["usr_someone", "usr_me"] });
const elsewhere = concern({ districtId: "dis_01other000000000000000000" });

/** Each relationship to a concern: who, their links to its student, the concern; the reason (none: 404) and whether the packet opens. */
const sightings: Array<{ who: string; roles: Role[]; ties: RelationshipKind[]; concern: ConcernSeen; reason: AuditReason | undefined; packet: boolean }> = [
  { who: "the parent, guardian of the student", roles: ["parent"], ties: ["guardian"], concern: concern(), reason: "guardian", packet: true },
  { who: "a parent of another child", roles: ["parent"], ties: [], concern: concern(), reason: undefined, packet: false },
  { who: "a guardian link without the parent role any more", roles: ["teacher"], ties: ["guardian"], concern: concern(), reason: undefined, packet: false },
  { who: "the student's teacher, not assigned", roles: ["teacher"], ties: ["teacher"], concern: concern(), reason: undefined, packet: false },
  { who: "the student's teacher, assigned", roles: ["teacher"], ties: ["teacher"], concern: assigned, reason: "assigned_concern", packet: true },
  {
    who: "the student's case manager, not assigned",
    roles: ["case_manager"],
    ties: ["case_manager"],
    concern: concern(),
    reason: "case_manager",
    packet: false,
  },
  { who: "the student's case manager, assigned", roles: ["case_manager"], ties: ["case_manager"], concern: assigned, reason: "assigned_concern", packet: true },
  { who: "a case manager, assigned, of another caseload", roles: ["case_manager"], ties: [], concern: assigned, reason: "assigned_concern", packet: true },
  { who: "the district's director", roles: ["director"], ties: [], concern: concern(), reason: "director", packet: true },
  { who: "the district's director, assigned", roles: ["director"], ties: [], concern: assigned, reason: "director", packet: true },
  { who: "another district's director", roles: ["director"], ties: [], concern: elsewhere, reason: undefined, packet: false },
  { who: "the advocate it was handed to", roles: ["advocate"], ties: [], concern: assigned, reason: "assigned_concern", packet: true },
  { who: "an advocate it was not handed to", roles: ["advocate"], ties: [], concern: concern(), reason: undefined, packet: false },
  { who: "someone once assigned who now holds only the parent role", roles: ["parent"], ties: [], concern: assigned, reason: undefined, packet: false },
  { who: "the district's administrator", roles: ["district_admin"], ties: [], concern: assigned, reason: undefined, packet: false },
  { who: "an unrelated teacher", roles: ["teacher"], ties: [], concern: concern(), reason: undefined, packet: false },
  { who: "a director who is the student's parent", roles: ["director", "parent"], ties: ["guardian"], concern: assigned, reason: "guardian", packet: true },
];

describe("who sees a concern, under which audit reason", () => {
  it.each(sightings)("$who: $reason", ({ roles: held, ties, concern: seen, reason, packet }) => {
    const got = Access.concernReason(actor(...held), seen, ties);
    expect(got).toBe(reason);
    expect(got !== undefined && Access.opensPacket(got)).toBe(packet);
  });

  it("reads the ties from the student's record: only the actor's own links", () => {
    const record = {
      relationships: [
        { userId: "usr_me", userName: "Me", kind: "guardian" },
        { userId: "usr_other", userName: "Other", kind: "case_manager" },
      ],
    } as unknown as StudentRecord;
    expect(Access.tiesTo(actor("parent"), record)).toEqual(["guardian"]);
    expect(Access.tiesTo(actor("parent"), undefined)).toEqual([]);
    expect(Access.isGuardian(actor("parent"), record)).toBe(true);
    expect(Access.isGuardian(actor("teacher"), record)).toBe(false);
    expect(Access.isGuardian({ ...actor("parent"), userId: "usr_other" }, record)).toBe(false);
  });

  it("reads a person's links only when one can show them a concern", () => {
    expect(Access.concernTies(actor("parent"))).toEqual(["guardian"]);
    expect(Access.concernTies(actor("case_manager"))).toEqual(["case_manager"]);
    expect(Access.concernTies(actor("parent", "case_manager"))).toEqual(["guardian", "case_manager"]);
    for (const role of ["teacher", "director", "advocate", "district_admin"] as const) expect(Access.concernTies(actor(role))).toEqual([]);
  });

  it("reads the district's concerns for the director alone", () => {
    expect(roles.filter((role) => Access.seesDistrictConcerns(actor(role)))).toEqual(["director"]);
  });

  it("agrees with the policy: only roles that may read concerns see one, and whoever has the board sees every concern of the district", () => {
    for (const role of roles) {
      const most = Access.concernReason(actor(role), assigned, ["guardian", "teacher", "case_manager"]);
      if (most !== undefined) expect(Access.may(actor(role), "concern.read")).toBe(true);
      if (Access.may(actor(role), "concern.board")) expect(Access.concernReason(actor(role), concern(), [])).toBeDefined();
    }
  });
});
