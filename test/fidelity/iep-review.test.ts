import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addDays } from "@fidelio/core/calendar";
import { getItem, keys } from "@fidelio/core/dynamo";
import { formId, formItemType, isoWeekOf } from "@fidelio/core/fidelity";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { demo, json } from "./helpers";

/**
 * The IEP review summary: "did it help" on provided answers (optional, refused elsewhere), and each
 * support's delivery over the IEP version's period, the same numbers as the fidelity page for those
 * weeks, in JSON and CSV.
 */

// Wednesday 9 December 2026, noon in Riverbend: 2026-W50 is in progress. Sofia's IEP was amended in the
// demo history (version 2, from the Wednesday of 2026-W45).
const clock = new Date("2026-12-09T20:00:00Z");
const thisWeek = "2026-W50";
const lastWeek = "2026-W49";

type Helped = { yes: number; somewhat: number; no: number; not_sure: number; provided: number; unanswered: number };
type Support = { itemId: string; provided: number; answered: number; percentOfReports: number | null; helped: Helped };

const t = {} as Record<"parent" | "casemanager" | "teacher" | "director", string>;
let sofia = "";
let teacherId = "";

/** Rows of a CSV as objects by header (item texts hold commas and quotes). */
const csvRows = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
  await seedDemo();
  for (const who of ["parent", "casemanager", "teacher", "director"] as const) t[who] = await signIn(demo(who));
  sofia = ((await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  const me = (await (await call("/api/me", { token: t.teacher })).json()) as { user: { id: string } };
  teacherId = me.user.id;
});

afterAll(() => {
  vi.useRealTimers();
});

/** Maria's form for Sofia last week (a draft in the demo history), as stored. */
const lastWeekForm = async () => (await getItem(formItemType, keys.fidelityForm(formId(sofia, teacherId, lastWeek)), true))!;

describe("did it help", () => {
  it("is kept on a provided answer, and refused with 422 on any other, nothing written", async () => {
    const form = await lastWeekForm();
    const [first, second] = form.plan.accommodations;
    const put = (accommodations: unknown[], version: number) =>
      json(call(`/api/fidelity/forms/${form.id}`, { method: "PUT", token: t.teacher, body: { version, accommodations, services: form.services } }));

    const refused = await put(
      [
        { itemId: first!.id, status: "not_provided", reason: "student_absent", helped: "yes" },
        { itemId: second!.id, status: "provided", helped: "no" },
      ],
      form.version,
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: "helped_without_provided", errors: { itemIds: [first!.id] } });
    expect((await lastWeekForm()).version).toBe(form.version);

    const unknownAnswer = await put([{ itemId: first!.id, status: "provided", helped: "maybe" }], form.version);
    expect(unknownAnswer.status).toBe(400);

    const saved = await put(
      [
        { itemId: first!.id, status: "provided", helped: "somewhat" },
        { itemId: second!.id, status: "provided" },
      ],
      form.version,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const stored = await lastWeekForm();
    expect(stored.accommodations.find((a) => a.itemId === first!.id)).toEqual({ itemId: first!.id, status: "provided", helped: "somewhat" });
    // Optional: a provided answer without it is still complete.
    expect(stored.accommodations.find((a) => a.itemId === second!.id)).toEqual({ itemId: second!.id, status: "provided" });
  });

  it("is refused by the class submit for that form alone, its answers untouched", async () => {
    const form = await lastWeekForm();
    const classId = form.classIds[0]!;
    const week = await json(call(`/api/fidelity/classes/${classId}/weeks/${lastWeek}`, { token: t.teacher }));
    expect(week.status).toBe(200);
    const mine = week.body.forms.find((f: { id: string }) => f.id === form.id);
    const body = {
      forms: [
        {
          id: form.id,
          version: mine.version,
          accommodations: form.plan.accommodations.map((a) => ({ itemId: a.id, status: "partly", reason: "time_or_staff", helped: "yes" })),
          services: form.services,
          reason: "Recorded late",
        },
      ],
    };
    const answer = await json(call(`/api/fidelity/classes/${classId}/weeks/${lastWeek}/submit`, { token: t.teacher, body }));
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([expect.objectContaining({ id: form.id, status: 422, error: "helped_without_provided" })]);
    expect((await lastWeekForm()).version).toBe(form.version);
  });
});

describe("the IEP review summary", () => {
  it("covers the version in effect from the week it took effect, with the fidelity page's numbers and the helped answers", async () => {
    const record = (await Student.load(sofia))!;
    const v2 = Iep.latest(record.ieps)!;
    expect(v2.version).toBe(2);
    const review = await json(call(`/api/students/${sofia}/iep/review`, { token: t.casemanager }));
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({
      student: { id: sofia },
      iep: { version: 2, effectiveFrom: v2.effectiveFrom, endsOn: null },
      from: isoWeekOf(v2.effectiveFrom),
      to: thisWeek,
      currentWeek: thisWeek,
      truncated: false,
    });

    // The same weeks on the fidelity page: every count equal, services and accommodations alike.
    const page = await json(call(`/api/students/${sofia}/fidelity?from=${review.body.from}&to=${review.body.to}`, { token: t.parent }));
    expect(review.body.services).toEqual(page.body.services);
    const withoutHelped = review.body.accommodations.map(({ helped: _, ...a }: Support) => a);
    expect(withoutHelped).toEqual(page.body.accommodations);

    // Helped: counted over the same provided reports of the ended weeks, read here from the stored forms.
    const team = record.relationships.filter((r) => r.kind === "teacher" || r.kind === "case_manager").map((r) => r.userId);
    const ended = ["2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"];
    expect(isoWeekOf(v2.effectiveFrom)).toBe(ended[0]);
    for (const support of review.body.accommodations as Support[]) {
      const expected = { yes: 0, somewhat: 0, no: 0, not_sure: 0, provided: 0, unanswered: 0 };
      for (const week of ended)
        for (const staffId of team) {
          const form = await getItem(formItemType, keys.fidelityForm(formId(sofia, staffId, week)));
          const answer = form?.status === "not_started" ? undefined : form?.accommodations.find((a) => a.itemId === support.itemId);
          if (answer?.status !== "provided" || !form?.plan.accommodations.some((p) => p.id === support.itemId)) continue;
          expected.provided += 1;
          expected[answer.helped ?? "unanswered"] += 1;
        }
      expect(support.helped, support.itemId).toEqual(expected);
      expect(support.helped.provided).toBe(support.provided);
    }
    // Last week's "somewhat" (the first test) is among them.
    const first = (await lastWeekForm()).plan.accommodations[0]!.id;
    expect((review.body.accommodations as Support[]).find((a) => a.itemId === first)!.helped.somewhat).toBeGreaterThan(0);
  });

  it("reads the same for the family, and its CSV says the same as its JSON", async () => {
    const staff = await json(call(`/api/students/${sofia}/iep/review`, { token: t.casemanager }));
    const family = await json(call(`/api/students/${sofia}/iep/review`, { token: t.parent }));
    expect(family.status).toBe(200);
    expect(family.body).toEqual(staff.body);

    const res = await call(`/api/students/${sofia}/iep/review?format=csv`, { token: t.casemanager });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(`iep-review-v2-${staff.body.from}-${thisWeek}.csv`);
    const rows = csvRows(await res.text());
    for (const s of staff.body.services) {
      const row = rows.find((r) => r.kind === "service" && r.item_id === s.serviceId)!;
      expect([row.iep_version, row.from_week, row.to_week]).toEqual(["2", staff.body.from, thisWeek]);
      expect([row.delivered_minutes, row.required_minutes, row.weeks_recorded, row.percent_of_minutes].map(Number)).toEqual([
        s.delivered,
        s.recorded.required,
        s.recorded.weeks,
        s.percentOfMinutes,
      ]);
    }
    for (const a of staff.body.accommodations as Support[]) {
      const row = rows.find((r) => r.kind === "accommodation" && r.item_id === a.itemId)!;
      expect(
        [row.provided_in_full, row.reports_answered, row.helped_yes, row.helped_somewhat, row.helped_no, row.helped_not_sure, row.helped_unanswered].map(
          Number,
        ),
      ).toEqual([a.provided, a.answered, a.helped.yes, a.helped.somewhat, a.helped.no, a.helped.not_sure, a.helped.unanswered]);
    }
  });

  it("names an earlier version's period, ending the day before its successor took effect", async () => {
    const record = (await Student.load(sofia))!;
    const [v1, v2] = [record.ieps.find((i) => i.version === 1)!, record.ieps.find((i) => i.version === 2)!];
    const review = await json(call(`/api/students/${sofia}/iep/review?version=1`, { token: t.casemanager }));
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({
      iep: { version: 1, effectiveFrom: v1.effectiveFrom, endsOn: addDays(v2.effectiveFrom, -1) },
      to: isoWeekOf(addDays(v2.effectiveFrom, -1)),
    });
    expect((await call(`/api/students/${sofia}/iep/review?version=7`, { token: t.casemanager })).status).toBe(404);
    expect((await call(`/api/students/${sofia}/iep/review?version=two`, { token: t.casemanager })).status).toBe(400);
  });
});
