import { describe, expect, it } from "vitest";
import { helpAccess } from "@fidelio/core/access/help";
import { helpAsked, newlyAsked } from "@fidelio/core/help/triggers";
import type { Role, UserActor } from "@fidelio/core/actor";

const plan = {
  accommodations: [
    { id: "a1", text: "Read aloud" },
    { id: "a2", text: "Extended time" },
    { id: "a3", text: "Visual timer" },
  ],
  services: [{ id: "s1", name: "Reading support", minutesPerWeek: 60, providerRole: "Teacher" }],
};
const form = (accommodations: Array<Record<string, unknown>>, services: Array<Record<string, unknown>> = []) =>
  ({ plan, accommodations, services }) as unknown as Parameters<typeof helpAsked>[0];

describe("which supports a submitted form asks help with", () => {
  it.each([
    [{ itemId: "a1", status: "partly", reason: "not_sure_how" }, "not_sure_how"],
    [{ itemId: "a1", status: "not_provided", reason: "materials_missing" }, "materials_missing"],
    [{ itemId: "a1", status: "provided", needsHelp: true }, "asked"],
    [{ itemId: "a1", status: "not_provided", reason: "not_sure_how", needsHelp: true }, "asked"],
    [{ itemId: "a1", status: "not_provided", reason: "student_absent" }, undefined],
    [{ itemId: "a1", status: "not_provided", reason: "time_or_staff" }, undefined],
    [{ itemId: "a1", status: "provided" }, undefined],
    [{ itemId: "zz", status: "provided", needsHelp: true }, undefined],
  ])("%o opens %s", (answer, trigger) => {
    expect(helpAsked(form([answer])).map((a) => a.trigger)).toEqual(trigger ? [trigger] : []);
  });

  it("opens one for a support missed two weeks running, only against last week's submitted form", () => {
    const now = form([{ itemId: "a2", status: "not_provided", reason: "student_declined" }]);
    const last = (status: string) => ({ status, accommodations: [{ itemId: "a2", status: "partly", reason: "time_or_staff" }] }) as never;
    expect(helpAsked(now, last("submitted"))).toEqual([{ itemId: "a2", itemText: "Extended time", trigger: "missed_twice" }]);
    expect(helpAsked(now, last("draft"))).toEqual([]);
    expect(helpAsked(now)).toEqual([]);
  });

  it("asks for a service when the provider says so, and a correction only what is new", () => {
    const asked = helpAsked(form([{ itemId: "a3", status: "partly", reason: "not_sure_how" }], [{ serviceId: "s1", sessions: [], needsHelp: true }]));
    expect(asked.map((a) => [a.itemId, a.trigger])).toEqual([
      ["a3", "not_sure_how"],
      ["s1", "asked"],
    ]);
    expect(newlyAsked(asked, asked.slice(0, 1)).map((a) => a.itemId)).toEqual(["s1"]);
  });
});

describe("who sees a help request", () => {
  const request = { teacherId: "t1", caseManagerId: "c1" };
  const actor = (userId: string, ...roles: Role[]) => ({ kind: "user", userId, email: "", name: "", districtId: "d", roles }) as UserActor;
  it.each([
    ["its case manager, still on the case", actor("c1", "case_manager"), ["case_manager"], { reason: "case_manager", actions: ["resolve", "comment"] }],
    ["its case manager, no longer on the case", actor("c1", "case_manager"), ["teacher"], undefined],
    ["the teacher who asked", actor("t1", "teacher"), ["teacher"], { reason: "teacher", actions: ["comment"] }],
    ["the teacher who asked, unlinked by the roster", actor("t1", "teacher"), [], undefined],
    ["another teacher of the student", actor("t2", "teacher"), ["teacher"], undefined],
    ["the student's parent", actor("p1", "parent"), ["guardian"], undefined],
    ["the director", actor("d1", "director"), [], undefined],
  ] as const)("%s", (_, who, ties, expected) => {
    const access = helpAccess(who, request, ties);
    if (expected) expect(access).toMatchObject(expected);
    else expect(access).toBeUndefined();
  });
});
