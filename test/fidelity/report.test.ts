import { beforeAll, describe, expect, it } from "vitest";
import type { DistrictInfo } from "@fidelio/core/district";
import { fidelityRows, formId, newForm, summarize, type FidelityForm } from "@fidelio/core/fidelity";
import type { IepVersion } from "@fidelio/core/iep";
import type { StudentRecord } from "@fidelio/core/student";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { demo, json } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

const district = {
  id: "dis_t",
  name: "Test",
  version: 1,
  updatedAt: "",
  calendar: { firstDay: "2026-08-19", lastDay: "2027-06-04", closures: [{ from: "2026-11-11", to: "2026-11-11", name: "Veterans Day" }] },
  deadlines: { teacher: 3, case_manager: 5, director: 10 },
  fidelityGraceDays: 2,
} satisfies DistrictInfo;

const iep = (version: number, effectiveFrom: string, minutes: number): IepVersion => ({
  studentId: "stu_t",
  version,
  effectiveFrom,
  accommodations: [{ id: "acc-1", text: "Extended time" }],
  modifications: [],
  services: [{ id: "svc-reading", name: "Reading", minutesPerWeek: minutes, providerRole: "Special education teacher" }],
  goals: [],
  createdAt: "",
  createdBy: "",
});

const record: StudentRecord = {
  student: { id: "stu_t", districtId: "dis_t", schoolId: "sch_t", schoolName: "School", firstName: "Ana", lastName: "Test", grade: "3" },
  relationships: [
    {
      studentId: "stu_t",
      userId: "usr_cm",
      userName: "Case Manager",
      kind: "case_manager",
      student: { id: "stu_t", name: "Ana Test", grade: "3", schoolName: "School" },
    },
    {
      studentId: "stu_t",
      userId: "usr_t",
      userName: "Teacher",
      kind: "teacher",
      classes: [{ id: "c1", title: "Grade 3" }],
      student: { id: "stu_t", name: "Ana Test", grade: "3", schoolName: "School" },
    },
  ],
  // Amended on Thursday 12 November, mid-month, the day after the Veterans Day holiday: 100 → 150 minutes a week.
  ieps: [iep(1, "2026-09-01", 100), iep(2, "2026-11-12", 150)],
  acknowledgments: [],
};

const form = (staff: string, week: string, patch: Partial<FidelityForm>): FidelityForm => ({
  ...newForm(record, staff, week)!,
  status: "submitted",
  version: 2,
  ...patch,
});

describe("owed and delivered minutes", () => {
  const weeks = ["2026-W45", "2026-W46", "2026-W47"];
  const forms = [
    form("usr_cm", "2026-W45", {
      services: [
        {
          serviceId: "svc-reading",
          sessions: [
            { date: "2026-11-02", minutes: 60 },
            { date: "2026-11-04", minutes: 40 },
          ],
        },
      ],
    }),
    form("usr_cm", "2026-W46", {
      services: [
        {
          serviceId: "svc-reading",
          sessions: [
            { date: "2026-11-09", minutes: 60 },
            { date: "2026-11-12", missed: "student_absent" },
            { date: "2026-11-13", missed: "provider_absent" },
          ],
        },
      ],
    }),
    form("usr_t", "2026-W46", { accommodations: [{ itemId: "acc-1", status: "provided" }] }),
    form("usr_t", "2026-W47", { accommodations: [{ itemId: "acc-1", status: "not_applicable", note: "No test this week" }] }),
  ];
  // All three weeks have ended: the district's calendar is in the week after.
  const rows = fidelityRows(record, district, weeks, forms, "2026-W48");
  const reading = (i: number) => rows[i]!.services.find((s) => s.serviceId === "svc-reading")!;

  it("prorates the week's minutes per school day, from the IEP in effect that day", () => {
    expect(rows.map((r) => r.schoolDays)).toEqual([5, 4, 5]);
    expect(reading(0).required).toBe(100);
    // Mon, Tue at 100/week, Wed a holiday, Thu, Fri at 150/week: (20 + 20 + 30 + 30) = 100.
    expect(reading(1).required).toBe(100);
    expect(reading(2).required).toBe(150);
    expect(rows[1]!.iepVersion).toBe(2);
  });

  it("counts delivered, missed by reason, not recorded apart, and a running balance owed over recorded weeks", () => {
    expect(reading(0)).toMatchObject({ delivered: 100, recorded: true, unaccounted: 0, balance: 0 });
    expect(reading(1)).toMatchObject({ delivered: 60, recorded: true, unaccounted: 0, balance: 40 });
    expect(reading(1).missed).toMatchObject({ student_absent: 1, provider_absent: 1, school_closed: 0 });
    // No form from the provider in the third week: not recorded, and not owed (nobody knows yet).
    expect(reading(2)).toMatchObject({ delivered: 0, recorded: false, unaccounted: 150, balance: 40 });
    const [total] = summarize(rows).services;
    expect(total).toMatchObject({
      required: 350,
      delivered: 160,
      owed: 40,
      recorded: { weeks: 2, required: 200 },
      notRecorded: { weeks: 1, required: 150 },
      missedSessions: 2,
      percentOfMinutes: 80,
      inProgress: null,
    });
  });

  it("counts nothing for the week in progress or a week to come", () => {
    // The calendar is in the second week: the first has ended, the second is in progress, the third is to come.
    const now = fidelityRows(record, district, weeks, forms, "2026-W46");
    expect(now.map((r) => r.state)).toEqual(["ended", "in_progress", "future"]);
    const [total] = summarize(now).services;
    expect(total).toMatchObject({
      required: 100,
      delivered: 100,
      owed: 0,
      notRecorded: { weeks: 0, required: 0 },
      inProgress: { week: "2026-W46", required: 100, delivered: 60, recorded: true },
    });
    // The accommodation: the in-progress week's answer shows as in progress, the first week's missing form as not recorded.
    expect(summarize(now).accommodations[0]).toMatchObject({
      provided: 0,
      notRecorded: 1,
      answered: 0,
      percentOfReports: null,
      inProgress: { week: "2026-W46", answered: 1, expected: 1 },
    });
  });

  it("tells accommodations provided from not applicable and from no record", () => {
    expect(rows[0]!.accommodations[0]).toMatchObject({ expected: 1, noRecord: 1, provided: 0 });
    expect(rows[1]!.accommodations[0]).toMatchObject({ expected: 1, provided: 1 });
    expect(rows[2]!.accommodations[0]).toMatchObject({ expected: 1, not_applicable: 1 });
    // Percent of reports: provided in full over provided, partly and not provided; not applicable and not recorded left out.
    expect(summarize(rows).accommodations[0]).toMatchObject({ provided: 1, notApplicable: 1, notRecorded: 1, answered: 1, percentOfReports: 100 });
    expect(formId("stu_t", "usr_t", "2026-W46")).toBe(forms[2]!.id);
  });
});

describe("GET /api/students/:id/fidelity and the director's report", () => {
  const t = {} as Record<"parent" | "parent2" | "teacher" | "director" | "casemanager", string>;
  let sofia = "";
  beforeAll(async () => {
    await seedDemo();
    for (const who of ["parent", "parent2", "teacher", "director", "casemanager"] as const) t[who] = await signIn(demo(who));
    sofia = ((await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  });

  it("shows the parent ten weeks of their child's fidelity, with the amendment's extra minutes", async () => {
    const res = await json(call(`/api/students/${sofia}/fidelity`, { token: t.parent }));
    expect(res.status).toBe(200);
    expect(res.body.weeks).toHaveLength(10);
    const reading = res.body.weeks.map((w: { services: Array<{ serviceId: string; delivered: number; required: number }> }) =>
      w.services.find((s) => s.serviceId === "svc-reading"),
    );
    expect(reading.some((s: { delivered: number }) => s.delivered > 0)).toBe(true);
    expect(new Set(res.body.weeks.map((w: { iepVersion: number }) => w.iepVersion)).size).toBeGreaterThan(1);
    expect((await call(`/api/students/${sofia}/fidelity`, { token: t.parent2 })).status).toBe(404);
  });

  it("answers CSV, and refuses a reversed or endless window", async () => {
    const res = await call(`/api/students/${sofia}/fidelity?from=2026-W40&to=2026-W45&format=csv`, { token: t.casemanager });
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toContain("required_minutes");
    expect(lines.length).toBeGreaterThan(6);
    expect((await call(`/api/students/${sofia}/fidelity?from=2026-W45&to=2026-W40`, { token: t.parent })).status).toBe(422);
    expect((await call(`/api/students/${sofia}/fidelity?from=2020-W01&to=2026-W45`, { token: t.parent })).status).toBe(422);
  });

  it("gives the director rows by school, teacher and item, and shows the teacher who stopped", async () => {
    const res = await json(call(`/api/reports/fidelity`, { token: t.director }));
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(10);
    const wright = res.body.teachers.find((x: { teacherName: string }) => x.teacherName === "James Wright");
    expect(wright.notStarted).toBeGreaterThan(0);
    const csv = await call(`/api/reports/fidelity?format=csv&schoolId=nope`, { token: t.director });
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(1);
    expect((await call(`/api/reports/fidelity`, { token: t.teacher })).status).toBe(403);
  });
});
