import { Access } from "../access";
import { Audit } from "../audit";
import { District } from "../district";
import { keys, queryAll } from "../dynamo";
import { notFound } from "../error";
import { Student, studentItemType, type StudentRecord } from "../student";
import { verb } from "../verb";
import { inBatches } from "./batches";
import { formId, formItemType, iepForWeek, planFor } from "./form";
import { FidelityReportQuery, type FidelityForm } from "./schema";
import { toCsv, windowOf } from "./window";
import { weeksBetween } from "./week";

interface Row {
  schoolId: string;
  schoolName: string;
  teacherId: string;
  teacherName: string;
  kind: "accommodation" | "service";
  itemId: string;
  item: string;
  expected: number;
  provided: number;
  partly: number;
  notProvided: number;
  notApplicable: number;
  noRecord: number;
  minutesPlanned: number;
  minutesDelivered: number;
}

/** Adds one student's weeks to the rows: every form the team owed, whether or not it was ever opened. */
function tally(rows: Map<string, Row>, teachers: Map<string, { forms: number; submitted: number; draft: number; notStarted: number }>, record: StudentRecord, weeks: string[], forms: Map<string, FidelityForm>, teacherId?: string) {
  const { student } = record;
  for (const week of weeks) {
    const iep = iepForWeek(record, week);
    if (!iep) continue;
    for (const rel of record.relationships.filter((r) => (r.kind === "teacher" || r.kind === "case_manager") && (!teacherId || r.userId === teacherId))) {
      const plan = planFor(record, rel.userId, iep);
      if (!plan) continue;
      const form = forms.get(formId(student.id, rel.userId, week));
      const t = teachers.get(rel.userId) ?? { forms: 0, submitted: 0, draft: 0, notStarted: 0 };
      t.forms += 1;
      if (form?.status === "submitted") t.submitted += 1;
      else if (form?.status === "draft") t.draft += 1;
      else t.notStarted += 1;
      teachers.set(rel.userId, t);
      const recorded = form && form.status !== "not_started" ? form : undefined;
      const rowOf = (kind: Row["kind"], itemId: string, item: string) => {
        const key = [student.schoolId, rel.userId, kind, itemId].join("|");
        const row = rows.get(key) ?? { schoolId: student.schoolId, schoolName: student.schoolName, teacherId: rel.userId, teacherName: rel.userName, kind, itemId, item, expected: 0, provided: 0, partly: 0, notProvided: 0, notApplicable: 0, noRecord: 0, minutesPlanned: 0, minutesDelivered: 0 };
        rows.set(key, row);
        row.expected += 1;
        return row;
      };
      for (const a of plan.accommodations) {
        const row = rowOf("accommodation", a.id, a.text);
        const status = recorded?.accommodations.find((x) => x.itemId === a.id)?.status;
        if (status === "provided") row.provided += 1;
        else if (status === "partly") row.partly += 1;
        else if (status === "not_provided") row.notProvided += 1;
        else if (status === "not_applicable") row.notApplicable += 1;
        else row.noRecord += 1;
      }
      for (const s of plan.services) {
        const row = rowOf("service", s.id, s.name);
        row.minutesPlanned += s.minutesPerWeek;
        const sessions = recorded?.services.find((x) => x.serviceId === s.id)?.sessions ?? [];
        row.minutesDelivered += sessions.reduce((sum, x) => sum + ("minutes" in x ? x.minutes : 0), 0);
        if (!recorded) row.noRecord += 1;
      }
    }
  }
}

/** Share of answered weeks in which the accommodation was provided (partly counts half); not applicable weeks left out. */
const fidelityPct = (r: Row) => {
  const judged = r.provided + r.partly + r.notProvided + r.noRecord;
  return r.kind === "accommodation" ? (judged ? Math.round((100 * (r.provided + r.partly / 2)) / judged) : null) : r.minutesPlanned ? Math.round((100 * r.minutesDelivered) / r.minutesPlanned) : null;
};

/**
 * The director's report by school, teacher and item over a window. Reads the district's students
 * (one index Query), then each student's partition and the forms of the window (a key-range Query),
 * ten students at a time: it grows with the district and the window, never with older history.
 */
export const districtFidelity = verb(FidelityReportQuery, async (actor, input) => {
  Access.requireAction(actor, "fidelity.report");
  const district = await District.load(actor.districtId);
  if (!district) throw notFound("District");
  const { from, to } = windowOf(district, input.from, input.to);
  const weeks = weeksBetween(from, to);
  const students = (await queryAll(studentItemType, keys.studentsOfDistrict(actor.districtId))).filter((s) => !input.schoolId || s.schoolId === input.schoolId);
  const rows = new Map<string, Row>();
  const teachers = new Map<string, { forms: number; submitted: number; draft: number; notStarted: number }>();
  const seen: string[] = [];
  await inBatches(students, 10, async (s) => {
    const [record, forms] = await Promise.all([Student.load(s.id), queryAll(formItemType, keys.fidelityFormsOfStudent(s.id, from, to))]);
    if (!record) return;
    if (input.teacherId && !record.relationships.some((r) => r.userId === input.teacherId)) return;
    seen.push(s.id);
    tally(rows, teachers, record, weeks, new Map(forms.map((f) => [f.id, f])), input.teacherId);
  });
  const reason = Access.may(actor, "fidelity.report") && actor.roles.includes("director") ? "director" : "district_admin";
  await Audit.recordMany(actor, seen.map((studentId) => ({ studentId, action: "fidelity.report", record: `fidelity:${from}..${to}`, reason })));
  const items = [...rows.values()]
    .map((r) => ({ ...r, fidelityPct: fidelityPct(r) }))
    .sort((a, b) => a.schoolName.localeCompare(b.schoolName) || a.teacherName.localeCompare(b.teacherName) || a.kind.localeCompare(b.kind) || a.item.localeCompare(b.item));
  const names = new Map(items.map((r) => [r.teacherId, r.teacherName]));
  const result = {
    from,
    to,
    rows: items,
    teachers: [...teachers.entries()].map(([teacherId, t]) => ({ teacherId, teacherName: names.get(teacherId) ?? "", ...t })).sort((a, b) => a.teacherName.localeCompare(b.teacherName)),
  };
  if (input.format !== "csv") return { result };
  const header = ["school", "teacher", "kind", "item_id", "item", "expected_forms", "provided", "partly", "not_provided", "not_applicable", "no_record", "minutes_planned", "minutes_delivered", "fidelity_pct"];
  const csv = toCsv(header, items.map((r) => [r.schoolName, r.teacherName, r.kind, r.itemId, r.item, r.expected, r.provided, r.partly, r.notProvided, r.notApplicable, r.noRecord, r.minutesPlanned, r.minutesDelivered, r.fidelityPct]));
  return { csv, result };
});
