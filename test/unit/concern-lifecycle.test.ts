import { describe, expect, it } from "vitest";
import * as v from "valibot";
import type { UserActor } from "@fidelio/core/actor";
import { VisibleError } from "@fidelio/core/error";
import {
  actions,
  canFlagOf,
  deadlineSettings,
  ladder,
  levels,
  nextLevel,
  statusAfter,
  statuses,
  statusTable,
  type ConcernAction,
  type ConcernStatus,
  type EscalationLevel,
} from "@fidelio/core/concern/lifecycle";
import { canFlags, checkAction } from "@fidelio/core/concern/rules";
import { completeNotice, noticeSections, requiredNoticeParts } from "@fidelio/core/concern/notice";
import { afterMove } from "@fidelio/core/concern/transitions";
import { ActOnConcern, type Concern } from "@fidelio/core/concern/schema";
import { Deadlines, defaultDeadlines, type DistrictInfo } from "@fidelio/core/district/schema";
import { EscalationLevel as WorkflowLevel, WorkflowAction } from "@fidelio/core/workflow/schema";

/**
 * The concern lifecycle's table, cell by cell, with no emulator: every status × action × role.
 * Written out here by hand (not computed from lifecycle.ts), so a change to the table fails until
 * this spec agrees with it.
 *
 * Roles: `guardian` the student's parent; `assignee` the person the concern waits on now; `former`
 * someone it was assigned to before; `other` staff who can see it but never held it (the director).
 * A cell is what the API answers: 403 (never theirs to take), 409 (not now), or where it leads:
 * a status, `open@<level>` / `with_advocate@<level>` for a climb, `closed:<outcome>`.
 */
const spec = `
status                 action          guardian               assignee                 former  other
open                   resolve         403                    awaiting_confirmation    409     403
open                   decline         403                    awaiting_confirmation    409     403
open                   request_info    403                    awaiting_info            409     403
open                   escalate        403                    open@director            409     403
open                   provide_info    409                    403                      403     403
open                   confirm         409                    403                      403     403
open                   dispute         409                    403                      403     403
open                   withdraw        closed:withdrawn       403                      403     403
open                   record_outcome  403                    409                      409     403
open                   record_state_complaint  open                   403                      403     403
open                   log_conversation  open                   open                     open    403
open                   dispute_recap     open                   open                     open    403
awaiting_info          resolve         403                    409                      409     403
awaiting_info          decline         403                    409                      409     403
awaiting_info          request_info    403                    409                      409     403
awaiting_info          escalate        403                    409                      409     403
awaiting_info          provide_info    open                   403                      403     403
awaiting_info          confirm         409                    403                      403     403
awaiting_info          dispute         409                    403                      403     403
awaiting_info          withdraw        closed:withdrawn       403                      403     403
awaiting_info          record_outcome  403                    409                      409     403
awaiting_info          record_state_complaint  awaiting_info          403                      403     403
awaiting_info          log_conversation  awaiting_info          awaiting_info            awaiting_info 403
awaiting_info          dispute_recap     awaiting_info          awaiting_info            awaiting_info 403
awaiting_confirmation  resolve         403                    409                      409     403
awaiting_confirmation  decline         403                    409                      409     403
awaiting_confirmation  request_info    403                    409                      409     403
awaiting_confirmation  escalate        403                    409                      409     403
awaiting_confirmation  provide_info    409                    403                      403     403
awaiting_confirmation  confirm         closed:resolved        403                      403     403
awaiting_confirmation  dispute         open@director          403                      403     403
awaiting_confirmation  withdraw        closed:withdrawn       403                      403     403
awaiting_confirmation  record_outcome  403                    409                      409     403
awaiting_confirmation  record_state_complaint  awaiting_confirmation  403                      403     403
awaiting_confirmation  log_conversation  awaiting_confirmation  awaiting_confirmation    awaiting_confirmation 403
awaiting_confirmation  dispute_recap     awaiting_confirmation  awaiting_confirmation    awaiting_confirmation 403
with_advocate          resolve         403                    409                      409     403
with_advocate          decline         403                    409                      409     403
with_advocate          request_info    403                    409                      409     403
with_advocate          escalate        403                    409                      409     403
with_advocate          provide_info    409                    403                      403     403
with_advocate          confirm         409                    403                      403     403
with_advocate          dispute         409                    403                      403     403
with_advocate          withdraw        closed:withdrawn       403                      403     403
with_advocate          record_outcome  403                    closed:advocate_outcome  409     403
with_advocate          record_state_complaint  with_advocate          403                      403     403
with_advocate          log_conversation  with_advocate          with_advocate            with_advocate 403
with_advocate          dispute_recap     with_advocate          with_advocate            with_advocate 403
closed                 resolve         403                    409                      409     403
closed                 decline         403                    409                      409     403
closed                 request_info    403                    409                      409     403
closed                 escalate        403                    409                      409     403
closed                 provide_info    409                    403                      403     403
closed                 confirm         409                    403                      403     403
closed                 dispute         409                    403                      403     403
closed                 withdraw        409                    403                      403     403
closed                 record_outcome  403                    409                      409     403
closed                 record_state_complaint  closed:resolved        403                      403     403
closed                 log_conversation  409                    409                      409     403
closed                 dispute_recap     409                    409                      409     403
`;

const roleNames = ["guardian", "assignee", "former", "other"] as const;
type RoleName = (typeof roleNames)[number];
const rows = spec
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.trim().split(/\s+/))
  .map(([status, action, ...answers]) => ({
    status: status as ConcernStatus,
    action: action as ConcernAction,
    answers: Object.fromEntries(roleNames.map((r, i) => [r, answers[i]!])) as Record<RoleName, string>,
  }));

const person = (id: string, name: string) => ({ id, name, email: `${id}@example.test` });
const people = {
  guardian: person("usr_parent", "Rosa"),
  assignee: person("usr_now", "Jennifer"),
  former: person("usr_before", "Maria"),
  other: person("usr_director", "Linda"),
};
const actorOf = (role: RoleName): UserActor => ({
  kind: "user",
  userId: people[role].id,
  email: people[role].email,
  name: people[role].name,
  districtId: "dis_1",
  roles: [role === "guardian" ? "parent" : "teacher"],
});

/** A concern in `status` as the transitions leave it: with the case manager (the advocate once handed over), the teacher before. */
function concernIn(status: ConcernStatus): Concern {
  const level: EscalationLevel = status === "with_advocate" ? "advocate" : "case_manager";
  const wait = status === "closed" ? undefined : { for: statusTable[status].waitsFor, level, deadline: "2026-12-10T07:59:59.000Z" };
  return {
    id: "con_1",
    districtId: "dis_1",
    studentId: "stu_1",
    studentName: "Sofia Martinez",
    parent: people.guardian,
    itemIds: ["acc-1"],
    description: "Extended time was not given.",
    status,
    ...(status === "closed" && { outcome: "resolved" as const }),
    level,
    assignee: people.assignee,
    assignedIds: [people.former.id, people.assignee.id],
    dueAt: wait?.deadline,
    stage: status === "closed" ? "closed" : "wait",
    wait,
    head: { seq: 3, hash: "h" },
    version: 3,
    createdAt: "2026-12-01T15:00:00.000Z",
    updatedAt: "2026-12-02T15:00:00.000Z",
  };
}

const district = {
  id: "dis_1",
  name: "Riverbend",
  version: 1,
  updatedAt: "2026-08-01T00:00:00.000Z",
  timeZone: "America/Los_Angeles",
  calendar: { firstDay: "2026-08-19", lastDay: "2027-06-10", closures: [] },
  deadlines: { ...defaultDeadlines },
  fidelityGraceDays: 2,
} satisfies DistrictInfo;
const now = new Date("2026-12-02T18:00:00.000Z");

/** What the API answers this role for this action now, as the spec writes it. */
function answerOf(status: ConcernStatus, action: ConcernAction, role: RoleName): string {
  const concern = concernIn(status);
  try {
    const move = checkAction(actorOf(role), concern, action, role === "guardian", undefined);
    const after = afterMove(concern, move, district, now);
    expect(after.status).toBe(statusAfter(move, concern.level, concern.status));
    return after.status === "closed" ? `closed:${after.outcome}` : after.level === concern.level ? after.status : `${after.status}@${after.level}`;
  } catch (error) {
    if (!(error instanceof VisibleError)) throw error;
    return String(error.status);
  }
}

describe("the lifecycle table", () => {
  it("the spec covers every status × action, once each", () => {
    expect(rows.map((r) => `${r.status} ${r.action}`).sort()).toEqual(statuses.flatMap((s) => actions.map((a) => `${s} ${a}`)).sort());
  });

  for (const { status, action, answers } of rows) {
    it(`${status} × ${action}`, () => {
      const got = Object.fromEntries(roleNames.map((role) => [role, answerOf(status, action, role)]));
      expect(got).toEqual(answers);
    });
  }

  it("the `can` flags say yes exactly where the table leads somewhere", () => {
    for (const status of statuses) {
      for (const role of roleNames) {
        const flags = canFlags(actorOf(role), concernIn(status), role === "guardian") as Record<string, boolean>;
        const expected = Object.fromEntries(
          actions.map((action) => [canFlagOf(action), !/^40[39]$/.test(rows.find((r) => r.status === status && r.action === action)!.answers[role])]),
        );
        expect(flags, `${status} / ${role}`).toEqual(expected);
      }
    }
    expect(canFlagOf("request_info")).toBe("requestInfo");
    expect(canFlagOf("record_outcome")).toBe("recordOutcome");
  });

  it("a refusal names the state (409) or the person who may act (403)", () => {
    const closed = concernIn("closed");
    expect(() => checkAction(actorOf("assignee"), closed, "resolve", false)).toThrow("This cannot be done now: the concern is closed (resolved).");
    expect(() => checkAction(actorOf("former"), concernIn("open"), "resolve", false, "deadline_passed")).toThrow(
      "This cannot be done now: the deadline passed; now with the case manager (Jennifer).",
    );
    expect(() => checkAction(actorOf("other"), concernIn("open"), "confirm", false)).toThrow("Only the student's parent can do this");
    expect(() => checkAction(actorOf("guardian"), concernIn("open"), "resolve", true)).toThrow("Only the person the concern is with can do this");
  });

  it("between levels (assigned next by the workflow) nobody but the parent may act", () => {
    const climbing = { ...concernIn("open"), stage: "prepare" as const, assignee: undefined, wait: undefined };
    expect(answerOf("open", "resolve", "assignee")).toBe("awaiting_confirmation");
    expect(() => checkAction(actorOf("assignee"), climbing, "resolve", false)).toThrow(expect.objectContaining({ status: 409 }));
    expect(checkAction(actorOf("guardian"), climbing, "withdraw", true)).toMatchObject({ to: "closed", outcome: "withdrawn" });
  });
});

describe("the ladder", () => {
  it("climbs teacher, case manager, director, advocate, and stops at the top", () => {
    expect(levels).toEqual(["teacher", "case_manager", "director", "advocate"]);
    expect(levels.map(nextLevel)).toEqual(["case_manager", "director", "advocate", undefined]);
    expect(ladder.map((rung) => rung.message)).toEqual(levels.map((level) => `levelName.${level}`));
  });

  it("each escalation and dispute climbs one level; the director's goes to the advocate", () => {
    for (const level of ["teacher", "case_manager", "director"] as const) {
      const open = { ...concernIn("open"), level };
      const escalated = afterMove(open, checkAction(actorOf("assignee"), open, "escalate", false), district, now);
      expect([escalated.level, escalated.status, escalated.stage, escalated.assignee]).toEqual([
        nextLevel(level),
        level === "director" ? "with_advocate" : "open",
        "prepare",
        undefined,
      ]);
      const resolved = { ...concernIn("awaiting_confirmation"), level };
      expect(afterMove(resolved, checkAction(actorOf("guardian"), resolved, "dispute", true), district, now).level).toBe(nextLevel(level));
    }
  });

  it("gives the district one deadline setting per level below the advocate, with its default", () => {
    expect(deadlineSettings.map((d) => d.setting)).toEqual(["teacher", "case_manager", "director"]);
    expect(Object.keys(Deadlines.entries)).toEqual(["teacher", "case_manager", "director"]);
    expect(defaultDeadlines).toEqual({ teacher: 3, case_manager: 5, director: 10 });
    expect(v.safeParse(Deadlines, { teacher: 3, case_manager: 5 }).success).toBe(false);
    expect(v.safeParse(Deadlines, { teacher: 0, case_manager: 5, director: 10 }).issues?.[0]?.message).toBe("Teacher: 1 to 60 school days");
  });

  it("is what the workflow's payloads accept", () => {
    for (const level of levels) expect(v.parse(WorkflowLevel, level)).toBe(level);
    expect(v.safeParse(WorkflowLevel, "principal").success).toBe(false);
    for (const action of actions) expect(v.parse(WorkflowAction, action)).toBe(action);
  });
});

describe("deadlines that pass", () => {
  it("climb from the assignee, close a parent's wait, renew the advocate's", () => {
    expect(Object.fromEntries(statuses.map((s) => [s, statusTable[s].onDeadline ?? null]))).toEqual({
      open: { to: "next_level" },
      awaiting_info: { to: "closed", outcome: "no_reply", note: "no_answer" },
      awaiting_confirmation: { to: "closed", outcome: "resolved_unconfirmed", note: "no_confirmation" },
      with_advocate: { to: "renewed" },
      closed: null,
    });
  });
});

describe("a decline's prior written notice", () => {
  const id = `con_${"0".repeat(26)}`;
  const full = {
    actionRefused: "A one-to-one aide in math",
    reasons: "Extended time and a reader meet the goal",
    optionsConsidered: "A shared aide: rejected, the schedule does not allow it",
    basis: "The October progress report",
    otherFactors: "None",
  };

  it("names every missing part in one 422, in the API's problem shape", () => {
    const attempt = (notice?: Record<string, string>) => {
      try {
        completeNotice(notice, undefined);
        return undefined;
      } catch (error) {
        return error as VisibleError;
      }
    };
    const none = attempt();
    expect([none?.status, none?.code]).toEqual([422, "notice_incomplete"]);
    expect((none!.details as Array<{ field: string }>).map((p) => p.field)).toEqual(requiredNoticeParts.map((p) => `notice.${p}`));
    const some = attempt({ actionRefused: "An aide", reasons: "  ", basis: "Report" });
    expect(some!.details).toEqual([
      { field: "notice.reasons", code: "required", message: "Required: Why" },
      { field: "notice.optionsConsidered", code: "required", message: "Required: Other options considered, and why they were rejected" },
      { field: "notice.otherFactors", code: "required", message: "Required: Other factors" },
    ]);
    expect(some!.message).toBe("The prior written notice needs: notice.reasons, notice.optionsConsidered, notice.otherFactors");
  });

  it("takes the safeguards statement written, else the district's, else the catalog's in the reader's language", () => {
    expect(completeNotice({ ...full, safeguards: "Call us" }, "District text").safeguards).toBe("Call us");
    expect(completeNotice(full, "District text").safeguards).toBe("District text");
    const bare = completeNotice(full, undefined);
    expect(bare.safeguards).toBeUndefined();
    expect(noticeSections("es", bare).map((s) => s.label)).toEqual([
      "Lo que la escuela se niega a hacer",
      "Por qué",
      "Otras opciones consideradas y por qué se rechazaron",
      "Evaluaciones, expedientes e informes utilizados",
      "Otros factores",
      "Sus garantías procesales y dónde obtener ayuda",
    ]);
    expect(noticeSections("es", bare).at(-1)?.text).toMatch(/^Usted tiene protecciones/);
    expect(noticeSections("en", bare).at(-1)?.text).toMatch(/^You have protections/);
  });

  it("is carried by a decline only, and parsed with the action", () => {
    expect(v.safeParse(ActOnConcern, { id, action: "resolve", text: "Done", version: 1, notice: full }).success).toBe(false);
    const parsed = v.parse(ActOnConcern, { id, action: "decline", version: 1, notice: { ...full, reasons: "  Why  " } });
    expect(parsed.notice?.reasons).toBe("Why");
  });
});

describe("an action's body", () => {
  const id = `con_${"0".repeat(26)}`;
  it("needs the version it was made against", () => {
    const missing = v.safeParse(ActOnConcern, { id, action: "confirm" });
    expect(missing.success).toBe(false);
    expect(v.flatten(missing.issues!).nested).toMatchObject({ version: ["Send the version of the concern you acted on"] });
    expect(v.safeParse(ActOnConcern, { id, action: "confirm", version: -1 }).success).toBe(false);
    expect(v.safeParse(ActOnConcern, { id, action: "confirm", version: "3" }).success).toBe(false);
    expect(v.parse(ActOnConcern, { id, action: "confirm", version: 3 })).toEqual({ id, action: "confirm", version: 3 });
  });

  it("needs words for every action but confirming and withdrawing", () => {
    const needsWords = actions.filter(
      (action) => !v.safeParse(ActOnConcern, { id, action, version: 0, ...(action === "record_state_complaint" && { filedOn: "2027-01-15" }) }).success,
    );
    expect(needsWords.sort()).toEqual([
      "dispute",
      "dispute_recap",
      "escalate",
      "log_conversation",
      "provide_info",
      "record_outcome",
      "request_info",
      "resolve",
    ]);
  });

  it("records a state complaint with the day it was filed, and takes that day with nothing else", () => {
    const without = v.safeParse(ActOnConcern, { id, action: "record_state_complaint", version: 0 });
    expect(v.flatten(without.issues!).nested).toMatchObject({ filedOn: [expect.stringContaining("Give the day")] });
    expect(v.safeParse(ActOnConcern, { id, action: "confirm", version: 0, filedOn: "2027-01-15" }).success).toBe(false);
    expect(v.safeParse(ActOnConcern, { id, action: "record_state_complaint", version: 0, filedOn: "2027-02-30" }).success).toBe(false);
  });

  it("the advocate the concern was handed to may record a state complaint, at any status, and nobody else on staff", () => {
    const advocate: UserActor = { ...actorOf("former"), roles: ["advocate"] };
    for (const status of statuses) expect(checkAction(advocate, concernIn(status), "record_state_complaint", false)).toMatchObject({ to: "stay" });
    const stranger: UserActor = { ...actorOf("other"), roles: ["advocate"] };
    expect(() => checkAction(stranger, concernIn("closed"), "record_state_complaint", false)).toThrow(
      "Only the student's parent or the advocate the concern was handed to can do this",
    );
  });
});
