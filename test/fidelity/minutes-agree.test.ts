import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getItem, keys, putItem } from "@fidelio/core/dynamo";
import { formId, formItem, formItemType, weeksBetween } from "@fidelio/core/fidelity";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { demo, formsOf, json } from "./helpers";

/**
 * The minutes a parent sees, the case manager's caseload, the director's report and both CSVs are one
 * computation (core's fidelity/minutes.ts): at a set clock, with weeks recorded, one partly delivered,
 * one not recorded, and the week in progress partly filled in, they all say the same.
 */

// Wednesday 9 December 2026, noon in Riverbend (America/Los_Angeles): week 2026-W50 is in progress.
const clock = new Date("2026-12-09T20:00:00Z");
const thisWeek = "2026-W50";
const range = { from: "2026-W41", to: thisWeek };
const notRecordedWeek = "2026-W45";
const partlyWeek = "2026-W46";

type ServiceTotals = {
  serviceId: string;
  required: number;
  delivered: number;
  owed: number;
  missedSessions: number;
  recorded: { weeks: number; required: number };
  notRecorded: { weeks: number; required: number };
  inProgress: { week: string; required: number; delivered: number } | null;
  percentOfMinutes: number | null;
};
type Week = { week: string; state: string; services: Array<{ serviceId: string; required: number; delivered: number; recorded: boolean; balance: number }> };

const t = {} as Record<"parent" | "casemanager" | "director", string>;
let sofia = "";
let managerId = "";

/** Rows of a CSV as objects by header (the exports quote nothing in these columns). */
const csvRows = (text: string) => {
  const [header, ...lines] = text
    .trim()
    .split("\r\n")
    .map((l) => l.split(","));
  return lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ""])));
};

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
  await seedDemo();
  for (const who of ["parent", "casemanager", "director"] as const) t[who] = await signIn(demo(who));
  sofia = ((await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  const detail = (await (await call(`/api/students/${sofia}`, { token: t.casemanager })).json()) as { team: Array<{ userId: string; role: string }> };
  managerId = detail.team.find((m) => m.role === "case_manager")!.userId;
  // The case manager accounts for reading (no provider named). One week nobody recorded: the form was never opened.
  const lost = (await getItem(formItemType, keys.fidelityForm(formId(sofia, managerId, notRecordedWeek))))!;
  await putItem(formItem({ ...lost, status: "not_started", version: 0, accommodations: [], services: [], submittedAt: undefined }));
  // One week partly delivered: 30 minutes held, one session missed.
  const partly = (await getItem(formItemType, keys.fidelityForm(formId(sofia, managerId, partlyWeek))))!;
  const [monday, thursday] = ["2026-11-09", "2026-11-12"];
  await putItem(
    formItem({
      ...partly,
      services: partly.services.map((s) =>
        s.serviceId === "svc-reading"
          ? {
              serviceId: s.serviceId,
              sessions: [
                { date: monday, minutes: 30 },
                { date: thursday, missed: "student_absent" },
              ],
            }
          : s,
      ),
    }),
  );
  // The week in progress: the case manager has recorded 40 minutes so far (a draft).
  const current = (await formsOf(t.casemanager, thisWeek)).find((f) => f.studentId === sofia)!;
  const saved = await call(`/api/fidelity/forms/${current.id}`, {
    method: "PUT",
    token: t.casemanager,
    body: { version: current.version, accommodations: [], services: [{ serviceId: "svc-reading", sessions: [{ date: "2026-12-07", minutes: 40 }] }] },
  });
  expect(saved.status, await saved.clone().text()).toBe(200);
});

afterAll(() => {
  vi.useRealTimers();
});

describe("one count of minutes everywhere", () => {
  it("the parent's page, the caseload, the director's report and both CSVs agree for the same student and range", async () => {
    const parent = await json(call(`/api/students/${sofia}/fidelity?period=last10`, { token: t.parent }));
    expect(parent.status).toBe(200);
    expect({ from: parent.body.from, to: parent.body.to, currentWeek: parent.body.currentWeek }).toEqual({ ...range, currentWeek: thisWeek });
    const reading: ServiceTotals = parent.body.services.find((s: ServiceTotals) => s.serviceId === "svc-reading");
    const weeks: Week[] = parent.body.weeks;
    const cell = (week: string) => weeks.find((w) => w.week === week)!.services.find((s) => s.serviceId === "svc-reading")!;

    // The week in progress is shown as such and owes nothing: its 40 minutes and its requirement are apart.
    expect(weeks.at(-1)).toMatchObject({ week: thisWeek, state: "in_progress" });
    expect(reading.inProgress).toMatchObject({ week: thisWeek, delivered: 40 });
    expect(reading.inProgress!.required).toBeGreaterThan(0);
    // The week nobody recorded: apart, not "0 given", and not owed.
    expect(cell(notRecordedWeek)).toMatchObject({ recorded: false, delivered: 0 });
    expect(reading.notRecorded).toEqual({ weeks: 1, required: cell(notRecordedWeek).required });
    expect(cell(partlyWeek)).toMatchObject({ recorded: true, delivered: 30 });
    // Delivered is what the stored forms say for the ended weeks, read here straight from the table.
    const ended = weeksBetween(range.from, "2026-W49");
    let delivered = 0;
    for (const week of ended) {
      const form = await getItem(formItemType, keys.fidelityForm(formId(sofia, managerId, week)));
      for (const s of form?.status === "not_started" ? [] : (form?.services.find((x) => x.serviceId === "svc-reading")?.sessions ?? []))
        delivered += "minutes" in s ? s.minutes : 0;
    }
    const recordedRequired = ended.filter((w) => w !== notRecordedWeek).reduce((sum, w) => sum + cell(w).required, 0);
    expect(reading).toMatchObject({
      delivered,
      required: recordedRequired + cell(notRecordedWeek).required,
      recorded: { weeks: ended.length - 1, required: recordedRequired },
      owed: Math.max(0, recordedRequired - delivered),
      percentOfMinutes: Math.round((100 * delivered) / recordedRequired),
    });
    expect(reading.owed).toBeGreaterThan(0);
    // The last row's running balance is the total owed: the table and the totals say the same.
    expect(cell(thisWeek).balance).toBe(reading.owed);

    // The caseload reads the same period for the case manager.
    const caseload = await json(call(`/api/students/${sofia}/fidelity?period=last10`, { token: t.casemanager }));
    expect(caseload.body.services.find((s: ServiceTotals) => s.serviceId === "svc-reading")).toEqual(reading);

    // The director's report, for this student and range: the case manager's reading row.
    const report = await json(call(`/api/reports/fidelity?studentId=${sofia}&period=last10`, { token: t.director }));
    expect(report.status).toBe(200);
    expect({ from: report.body.from, to: report.body.to }).toEqual(range);
    const row = report.body.rows.find((r: { teacherId: string; itemId: string }) => r.teacherId === managerId && r.itemId === "svc-reading");
    expect(row).toMatchObject({
      minutesRequired: reading.required,
      minutesDelivered: reading.delivered,
      minutesOwed: reading.owed,
      minutesNotRecorded: reading.notRecorded.required,
      weeksNotRecorded: reading.notRecorded.weeks,
      weeksRecorded: reading.recorded.weeks,
      missedSessions: reading.missedSessions,
      percent: reading.percentOfMinutes,
      percentOf: "minutes",
    });

    // The student's CSV: its total row for reading.
    const studentCsv = await call(`/api/students/${sofia}/fidelity?period=last10&format=csv`, { token: t.casemanager });
    const total = csvRows(await studentCsv.text()).find((r) => r.week === "total" && r.item_id === "svc-reading")!;
    expect({
      required: Number(total.required_minutes),
      delivered: Number(total.delivered_minutes),
      notRecorded: Number(total.not_recorded_minutes),
      owed: Number(total.owed_so_far),
      weeks: Number(total.weeks_recorded),
      weeksNot: Number(total.weeks_not_recorded),
    }).toEqual({
      required: reading.required,
      delivered: reading.delivered,
      notRecorded: reading.notRecorded.required,
      owed: reading.owed,
      weeks: reading.recorded.weeks,
      weeksNot: reading.notRecorded.weeks,
    });
    // Each week row of the CSV says what the page's table says: recorded or not, owed so far.
    const lostRow = csvRows(await (await call(`/api/students/${sofia}/fidelity?period=last10&format=csv`, { token: t.parent })).text()).find(
      (r) => r.week === notRecordedWeek && r.item_id === "svc-reading",
    )!;
    expect({ state: lostRow.week_state, recorded: lostRow.recorded, delivered: Number(lostRow.delivered_minutes) }).toEqual({
      state: "ended",
      recorded: "no",
      delivered: 0,
    });
    // The director's CSV: the same row.
    const reportCsv = await call(`/api/reports/fidelity?studentId=${sofia}&period=last10&format=csv`, { token: t.director });
    const line = csvRows(await reportCsv.text()).find((r) => r.item_id === "svc-reading" && r.kind === "service")!;
    expect({
      required: Number(line.required_minutes),
      delivered: Number(line.delivered_minutes),
      owed: Number(line.owed_minutes),
      notRecorded: Number(line.not_recorded_minutes),
      percent: Number(line.percent_of_minutes),
    }).toEqual({
      required: reading.required,
      delivered: reading.delivered,
      owed: reading.owed,
      notRecorded: reading.notRecorded.required,
      percent: reading.percentOfMinutes,
    });
  });

  it("takes the week from the district's calendar, not UTC's", async () => {
    try {
      // Sunday 13 December, 9 pm in Riverbend, already Monday in UTC: the district's week is still W50.
      vi.setSystemTime(new Date("2026-12-14T05:00:00Z"));
      const token = await signIn(demo("parent"));
      const sunday = await json(call(`/api/students/${sofia}/fidelity`, { token }));
      expect(sunday.body.currentWeek).toBe("2026-W50");
      expect(sunday.body.weeks.at(-1)).toMatchObject({ week: "2026-W50", state: "in_progress" });
      // Monday 1 am in Riverbend: W50 has ended and counts; W51 is in progress.
      vi.setSystemTime(new Date("2026-12-14T09:00:00Z"));
      const monday = await json(call(`/api/students/${sofia}/fidelity?from=2026-W41&to=2026-W51`, { token }));
      expect(monday.body.weeks.map((w: Week) => w.state).slice(-2)).toEqual(["ended", "in_progress"]);
      const reading = monday.body.services.find((s: ServiceTotals) => s.serviceId === "svc-reading");
      expect(reading.inProgress.week).toBe("2026-W51");
    } finally {
      vi.setSystemTime(clock);
    }
  });

  it("never counts a week to come, nor the week in progress, in the director's forms", async () => {
    const later = await json(call(`/api/students/${sofia}/fidelity?from=2026-W41&to=2026-W52`, { token: t.parent }));
    expect(later.body.weeks.slice(-2).map((w: Week) => w.state)).toEqual(["future", "future"]);
    const now = await json(call(`/api/students/${sofia}/fidelity?period=last10`, { token: t.parent }));
    const pick = (body: { services: ServiceTotals[] }) => body.services.find((s) => s.serviceId === "svc-reading")!;
    expect({ ...pick(later.body), inProgress: null }).toEqual({ ...pick(now.body), inProgress: null });
    const report = await json(call(`/api/reports/fidelity?studentId=${sofia}&period=last10&teacherId=${managerId}`, { token: t.director }));
    // Ten weeks shown, nine ended: the forms the case manager owes are those of the ended weeks.
    expect(report.body.teachers).toEqual([expect.objectContaining({ teacherId: managerId, forms: 9 })]);
  });
});
