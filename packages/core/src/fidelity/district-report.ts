import { clock } from "../clock";
import { Access } from "../access";
import { Audit } from "../audit";
import { District } from "../district";
import { keys, queryAll } from "../dynamo";
import { notFound } from "../error";
import { Student, studentItemType, type StudentRecord } from "../student";
import { verb } from "../verb";
import { mapLimit } from "../concurrency";
import { helpCounts } from "../help/counts";
import { districtToday, formId, formItemType, iepForWeek, planFor } from "./form";
import {
  accommodationCounts,
  addAccommodationCounts,
  addServiceMinutes,
  currentWeekOf,
  serviceMinutes,
  type AccommodationCounts,
  type ServiceMinutes,
} from "./minutes";
import { FidelityReportQuery, missedReasons, type FidelityForm } from "./schema";
import { fidelityRows, type FidelityRow } from "./student-report";
import { toCsv, windowOf } from "./window";
import { weeksBetween } from "./week";

type Totals = Omit<ServiceMinutes, "inProgress"> | Omit<AccommodationCounts, "inProgress">;

interface Row {
  schoolId: string;
  schoolName: string;
  teacherId: string;
  teacherName: string;
  kind: "accommodation" | "service";
  itemId: string;
  item: string;
  totals: Totals;
}

type TeacherForms = { forms: number; submitted: number; draft: number; notStarted: number };

/**
 * Adds one student's ended weeks to the rows, by the team member who answers for each item, with the
 * same sums as the student's own page (minutes.ts): an accommodation's reports are that member's
 * answers; a service's minutes go to whoever accounts for it, counted per student first.
 */
function tally(rows: Map<string, Row>, record: StudentRecord, weeks: FidelityRow[], teacherId?: string) {
  const { student } = record;
  const names = new Map(record.relationships.map((r) => [r.userId, r.userName]));
  const add = (staffId: string, kind: Row["kind"], itemId: string, item: string, totals: Totals) => {
    if (teacherId && staffId !== teacherId) return;
    const key = [student.schoolId, staffId, kind, itemId].join("|");
    const row = rows.get(key);
    if (!row)
      rows.set(key, {
        schoolId: student.schoolId,
        schoolName: student.schoolName,
        teacherId: staffId,
        teacherName: names.get(staffId) ?? "",
        kind,
        itemId,
        item,
        totals,
      });
    else
      row.totals =
        kind === "service"
          ? addServiceMinutes(row.totals as ServiceMinutes, totals as ServiceMinutes)
          : addAccommodationCounts(row.totals as AccommodationCounts, totals as AccommodationCounts);
  };
  const staffIds = [
    ...new Set(weeks.flatMap((w) => [...w.services.flatMap((s) => s.staffIds), ...w.accommodations.flatMap((a) => a.answers.map((x) => x.staffId))])),
  ];
  for (const staffId of staffIds) {
    const itemIds = [...new Set(weeks.flatMap((w) => w.accommodations.filter((a) => a.answers.some((x) => x.staffId === staffId)).map((a) => a.itemId)))];
    for (const itemId of itemIds) {
      const cells = weeks.flatMap((w) =>
        w.accommodations
          .filter((a) => a.itemId === itemId)
          .map((a) => ({ week: w.week, state: w.state, text: a.text, answers: a.answers.filter((x) => x.staffId === staffId) })),
      );
      const { inProgress: _, ...totals } = accommodationCounts(itemId, cells.at(-1)!.text, cells);
      add(staffId, "accommodation", itemId, totals.text, totals);
    }
    const serviceIds = [...new Set(weeks.flatMap((w) => w.services.filter((s) => s.staffIds.includes(staffId)).map((s) => s.serviceId)))];
    for (const serviceId of serviceIds) {
      const cells = weeks.flatMap((w) =>
        w.services.filter((s) => s.serviceId === serviceId && s.staffIds.includes(staffId)).map((cell) => ({ week: w.week, state: w.state, cell })),
      );
      const { inProgress: _, ...totals } = serviceMinutes(serviceId, cells.at(-1)!.cell.name, cells);
      add(staffId, "service", serviceId, totals.name, totals);
    }
  }
}

/** Each team member's forms for the ended weeks (the week in progress is not due yet). */
function countForms(teachers: Map<string, TeacherForms>, record: StudentRecord, weeks: FidelityRow[], forms: Map<string, FidelityForm>, teacherId?: string) {
  for (const week of weeks.filter((w) => w.state === "ended")) {
    const iep = iepForWeek(record, week.week);
    if (!iep) continue;
    for (const rel of record.relationships.filter((r) => (r.kind === "teacher" || r.kind === "case_manager") && (!teacherId || r.userId === teacherId))) {
      if (!planFor(record, rel.userId, iep)) continue;
      const form = forms.get(formId(record.student.id, rel.userId, week.week));
      const t = teachers.get(rel.userId) ?? { forms: 0, submitted: 0, draft: 0, notStarted: 0 };
      t.forms += 1;
      if (form?.status === "submitted") t.submitted += 1;
      else if (form?.status === "draft") t.draft += 1;
      else t.notStarted += 1;
      teachers.set(rel.userId, t);
    }
  }
}

const flat = (r: Row) => {
  const t = r.totals;
  const base = {
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    teacherId: r.teacherId,
    teacherName: r.teacherName,
    kind: r.kind,
    itemId: r.itemId,
    item: r.item,
  };
  if ("owed" in t) {
    return {
      ...base,
      minutesRequired: t.required,
      minutesDelivered: t.delivered,
      minutesOwed: t.owed,
      minutesNotRecorded: t.notRecorded.required,
      weeksRecorded: t.recorded.weeks,
      weeksNotRecorded: t.notRecorded.weeks,
      missedSessions: t.missedSessions,
      missedByReason: t.missedByReason,
      percent: t.percentOfMinutes,
      percentOf: "minutes" as const,
    };
  }
  return {
    ...base,
    reportsExpected: t.answered + t.notApplicable + t.notRecorded,
    provided: t.provided,
    partly: t.partly,
    notProvided: t.notProvided,
    notApplicable: t.notApplicable,
    notRecorded: t.notRecorded,
    percent: t.percentOfReports,
    percentOf: "reports" as const,
  };
};

/**
 * The director's report by school, teacher and item over a window, ended weeks only. Reads the
 * district's students (one index Query), then each student's partition and the forms of the window
 * (a key-range Query), ten students at a time: it grows with the district and the window, never with
 * older history. Each student's weeks go through the same `fidelityRows` and sums as their own page.
 */
export const districtFidelity = verb(FidelityReportQuery, async (actor, input) => {
  Access.requireAction(actor, "fidelity.report");
  const district = await District.load(actor.districtId);
  if (!district) throw notFound("District");
  const now = clock.now();
  const { from, to } = windowOf(district, input, now);
  const currentWeek = currentWeekOf(district, now);
  const weeks = weeksBetween(from, to);
  const students = (await queryAll(studentItemType, keys.studentsOfDistrict(actor.districtId))).filter(
    (s) => (!input.schoolId || s.schoolId === input.schoolId) && (!input.studentId || s.id === input.studentId),
  );
  const rows = new Map<string, Row>();
  const teachers = new Map<string, TeacherForms>();
  const names = new Map<string, string>();
  const seen: string[] = [];
  await mapLimit(students, 10, async (s) => {
    const [record, forms] = await Promise.all([Student.load(s.id), queryAll(formItemType, keys.fidelityFormsOfStudent(s.id, from, to))]);
    if (!record) return;
    if (input.teacherId && !record.relationships.some((r) => r.userId === input.teacherId)) return;
    seen.push(s.id);
    for (const r of record.relationships) names.set(r.userId, r.userName);
    const studentWeeks = fidelityRows(record, district, weeks, forms, currentWeek);
    tally(rows, record, studentWeeks, input.teacherId);
    countForms(teachers, record, studentWeeks, new Map(forms.map((f) => [f.id, f])), input.teacherId);
  });
  const reason = Access.districtGrant(actor, "fidelity.report")?.reason ?? "district_admin";
  // The director's help-request counts as they stand today (they are kept current, not by week), for the school chosen.
  const [help] = await Promise.all([
    Access.may(actor, "help.counts") ? helpCounts(district.id, districtToday(district)) : undefined,
    Audit.recordMany(
      actor,
      seen.map((studentId) => ({ studentId, action: "fidelity.report", record: `fidelity:${from}..${to}`, reason })),
    ),
  ]);
  const school = help && input.schoolId ? (help.schools.find((s) => s.schoolId === input.schoolId) ?? { open: 0, pastDue: 0, resolved: 0 }) : help;
  const items = [...rows.values()]
    .sort(
      (a, b) =>
        a.schoolName.localeCompare(b.schoolName) || a.teacherName.localeCompare(b.teacherName) || a.kind.localeCompare(b.kind) || a.item.localeCompare(b.item),
    )
    .map(flat);
  const result = {
    from,
    to,
    currentWeek,
    rows: items,
    teachers: [...teachers.entries()]
      .map(([teacherId, t]) => ({ teacherId, teacherName: names.get(teacherId) ?? "", ...t }))
      .sort((a, b) => a.teacherName.localeCompare(b.teacherName)),
    /** The director's only: help requests open, past due and answered today, in the district or the school chosen (not by teacher or week). */
    ...(school && { helpRequests: { open: school.open, pastDue: school.pastDue, resolved: school.resolved } }),
  };
  if (input.format !== "csv") return { result };
  const header = [
    "school",
    "teacher",
    "kind",
    "item_id",
    "item",
    "required_minutes",
    "delivered_minutes",
    "owed_minutes",
    "not_recorded_minutes",
    "weeks_recorded",
    "weeks_not_recorded",
    ...missedReasons.map((r) => `missed_${r}`),
    "percent_of_minutes",
    "reports_expected",
    "provided",
    "partly",
    "not_provided",
    "not_applicable",
    "not_recorded",
    "percent_of_reports",
  ];
  const csv = toCsv(
    header,
    items.map((r) => {
      const start = [r.schoolName, r.teacherName, r.kind, r.itemId, r.item];
      return "minutesOwed" in r
        ? [
            ...start,
            r.minutesRequired,
            r.minutesDelivered,
            r.minutesOwed,
            r.minutesNotRecorded,
            r.weeksRecorded,
            r.weeksNotRecorded,
            ...missedReasons.map((m) => r.missedByReason[m]),
            r.percent,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
          ]
        : [
            ...start,
            "",
            "",
            "",
            "",
            "",
            "",
            ...missedReasons.map(() => ""),
            "",
            r.reportsExpected,
            r.provided,
            r.partly,
            r.notProvided,
            r.notApplicable,
            r.notRecorded,
            r.percent,
          ];
    }),
  );
  return { csv, result };
});
