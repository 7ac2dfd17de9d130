import * as v from "valibot";
import { Access } from "../access";
import { Audit } from "../audit";
import { District } from "../district";
import { keys, queryAll } from "../dynamo";
import { notFound } from "../error";
import { Iep } from "../iep";
import { Student, studentName, type StudentRecord } from "../student";
import { verb } from "../verb";
import { formId, formItemType, isInstructionDay, planFor } from "./form";
import { missedReasons, StudentFidelityQuery, type FidelityForm, type MissedReason } from "./schema";
import type { DistrictInfo } from "../district/schema";
import { toCsv, windowOf } from "./window";
import { weekDays, weeksBetween, weekStart } from "./week";

const zeroMissed = () => Object.fromEntries(missedReasons.map((r) => [r, 0])) as Record<MissedReason, number>;

/**
 * Minutes a service requires in a week: a fifth of its weekly minutes for each school day, from the
 * IEP in effect that day, so a holiday or an amendment mid-week counts only the days it covers.
 */
function requiredMinutes(record: StudentRecord, district: DistrictInfo, week: string, serviceId: string) {
  const fifths = weekDays(week)
    .filter((day) => isInstructionDay(district, day))
    .reduce((sum, day) => sum + (Iep.inEffect(record.ieps, day)?.services.find((s) => s.id === serviceId)?.minutesPerWeek ?? 0), 0);
  return Math.round(fifths / 5);
}

/** Week by week: each accommodation's answers and each service's required, delivered, missed and owed minutes. */
export function fidelityRows(record: StudentRecord, district: DistrictInfo, weeks: string[], forms: FidelityForm[]) {
  const byId = new Map(forms.map((f) => [f.id, f]));
  const owed = new Map<string, number>();
  const team = record.relationships.filter((r) => r.kind === "teacher" || r.kind === "case_manager");
  const rows = weeks.map((week) => {
    const days = weekDays(week);
    const schoolDays = days.filter((d) => isInstructionDay(district, d)).length;
    const ieps = [...new Set(days.map((d) => Iep.inEffect(record.ieps, d)).filter((i) => i !== undefined))];
    const iep = ieps.at(-1);
    const recorded = (f: FidelityForm | undefined) => f && f.status !== "not_started" ? f : undefined;
    const expected = iep ? team.map((rel) => ({ rel, plan: planFor(record, rel.userId, iep), form: recorded(byId.get(formId(record.student.id, rel.userId, week))) })) : [];
    const accommodations = (iep?.accommodations ?? []).map((a) => {
      const counts = { provided: 0, partly: 0, not_provided: 0, not_applicable: 0, noRecord: 0 };
      for (const e of expected.filter((e) => e.plan?.accommodations.some((p) => p.id === a.id))) {
        const answer = e.form?.accommodations.find((x) => x.itemId === a.id);
        if (answer) counts[answer.status] += 1;
        else counts.noRecord += 1;
      }
      return { itemId: a.id, text: a.text, expected: Object.values(counts).reduce((s, n) => s + n, 0), ...counts };
    });
    const serviceIds = [...new Set(ieps.flatMap((i) => i.services.map((s) => s.id)))];
    const services = serviceIds.map((serviceId) => {
      const name = ieps.flatMap((i) => i.services).find((s) => s.id === serviceId)!.name;
      const required = requiredMinutes(record, district, week, serviceId);
      const answers = expected.filter((e) => e.plan?.services.some((p) => p.id === serviceId)).map((e) => e.form?.services.find((s) => s.serviceId === serviceId));
      const sessions = answers.flatMap((a) => a?.sessions ?? []);
      const delivered = sessions.reduce((sum, s) => sum + ("minutes" in s ? s.minutes : 0), 0);
      const missed = zeroMissed();
      for (const s of sessions) if ("missed" in s) missed[s.missed] += 1;
      const accounted = answers.some((a) => a !== undefined);
      const balance = Math.max(0, (owed.get(serviceId) ?? 0) + required - delivered);
      owed.set(serviceId, balance);
      return { serviceId, name, required, delivered, missed, unaccounted: accounted ? 0 : Math.max(0, required - delivered), balance };
    });
    return { week, start: weekStart(week), schoolDays, iepVersion: iep?.version ?? null, accommodations, services };
  });
  return rows;
}

const csvHeader = ["week", "start", "school_days", "iep_version", "kind", "item_id", "item", "required_minutes", "delivered_minutes", ...missedReasons.map((r) => `missed_${r}`), "unaccounted_minutes", "balance_owed", "provided", "partly", "not_provided", "not_applicable", "no_record"];

function csvOf(rows: ReturnType<typeof fidelityRows>) {
  return toCsv(
    csvHeader,
    rows.flatMap((w) => [
      ...w.services.map((s) => [w.week, w.start, w.schoolDays, w.iepVersion, "service", s.serviceId, s.name, s.required, s.delivered, ...missedReasons.map((r) => s.missed[r]), s.unaccounted, s.balance, "", "", "", "", ""]),
      ...w.accommodations.map((a) => [w.week, w.start, w.schoolDays, w.iepVersion, "accommodation", a.itemId, a.text, "", "", ...missedReasons.map(() => ""), "", "", a.provided, a.partly, a.not_provided, a.not_applicable, a.noRecord]),
    ]),
  );
}

/**
 * A student's fidelity over a window of weeks. Reads the student's partition (IEP versions and team)
 * and one Query of the forms in the window (by key range): the cost follows the window, not the history.
 */
export const studentFidelity = verb(v.object({ studentId: v.pipe(v.string(), v.maxLength(64)), ...StudentFidelityQuery.entries }), async (actor, input) => {
  const record = /^stu_[0-9a-z]{26}$/.test(input.studentId) ? await Student.load(input.studentId) : undefined;
  const grant = Access.toStudent(actor, "fidelity.read", record);
  const district = await District.load(record!.student.districtId);
  if (!district) throw notFound("District");
  const { from, to } = windowOf(district, input.from, input.to);
  const [forms] = await Promise.all([
    queryAll(formItemType, keys.fidelityFormsOfStudent(input.studentId, from, to)),
    Audit.record(actor, { studentId: input.studentId, action: "fidelity.read", record: `fidelity:${from}..${to}`, reason: grant.reason }),
  ]);
  const weeks = fidelityRows(record!, district, weeksBetween(from, to), forms);
  const last = weeks.at(-1);
  const result = {
    student: { id: record!.student.id, name: studentName(record!.student) },
    from,
    to,
    weeks,
    balance: (last?.services ?? []).map((s) => ({ serviceId: s.serviceId, name: s.name, owed: s.balance })),
  };
  return input.format === "csv" ? { csv: csvOf(weeks), result } : { result };
});
