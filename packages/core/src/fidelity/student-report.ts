import { clock } from "../clock";
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
import {
  accommodationCounts,
  addAccommodationCounts,
  currentWeekOf,
  serviceMinutes,
  weekState,
  zeroMissed,
  type AccommodationAnswerCell,
  type AccommodationCounts,
  type ServiceWeekCell,
} from "./minutes";
import { missedReasons, StudentFidelityQuery, type FidelityForm } from "./schema";
import type { DistrictInfo } from "../district/schema";
import { toCsv, windowOf } from "./window";
import { weekDays, weeksBetween, weekStart } from "./week";

/**
 * Minutes a service requires in a week: a fifth of its weekly minutes for each school day, from the
 * IEP in effect that day, so a holiday or an amendment mid-week counts only the days it covers.
 */
export function requiredMinutes(record: StudentRecord, district: DistrictInfo, week: string, serviceId: string) {
  const fifths = weekDays(week)
    .filter((day) => isInstructionDay(district, day))
    .reduce((sum, day) => sum + (Iep.inEffect(record.ieps, day)?.services.find((s) => s.id === serviceId)?.minutesPerWeek ?? 0), 0);
  return Math.round(fifths / 5);
}

/**
 * Week by week: whether the week has ended, is in progress or is still to come (`currentWeek` on the
 * district's calendar), each accommodation's answers by team member, and each service's required,
 * delivered and missed minutes, whether anyone recorded it, and the running balance owed (ended,
 * recorded weeks only; see minutes.ts and docs/minutes.md).
 */
export function fidelityRows(record: StudentRecord, district: DistrictInfo, weeks: string[], forms: FidelityForm[], currentWeek: string) {
  const byId = new Map(forms.map((f) => [f.id, f]));
  const running = new Map<string, { required: number; delivered: number; makeUp: number }>();
  const team = record.relationships.filter((r) => r.kind === "teacher" || r.kind === "case_manager");
  return weeks.map((week) => {
    const state = weekState(week, currentWeek);
    const days = weekDays(week);
    const schoolDays = days.filter((d) => isInstructionDay(district, d)).length;
    const ieps = [...new Set(days.map((d) => Iep.inEffect(record.ieps, d)).filter((i) => i !== undefined))];
    const iep = ieps.at(-1);
    const recorded = (f: FidelityForm | undefined) => (f && f.status !== "not_started" ? f : undefined);
    const expected = iep
      ? team.map((rel) => ({ rel, plan: planFor(record, rel.userId, iep), form: recorded(byId.get(formId(record.student.id, rel.userId, week))) }))
      : [];
    const accommodations = (iep?.accommodations ?? []).map((a) => {
      const answers: AccommodationAnswerCell[] = expected
        .filter((e) => e.plan?.accommodations.some((p) => p.id === a.id))
        .map((e) => {
          const answer = e.form?.accommodations.find((x) => x.itemId === a.id);
          return { staffId: e.rel.userId, status: answer?.status ?? null, ...(answer?.status === "provided" && answer.helped && { helped: answer.helped }) };
        });
      const count = (status: AccommodationAnswerCell["status"]) => answers.filter((x) => x.status === status).length;
      return {
        itemId: a.id,
        text: a.text,
        expected: answers.length,
        provided: count("provided"),
        partly: count("partly"),
        not_provided: count("not_provided"),
        not_applicable: count("not_applicable"),
        noRecord: count(null),
        answers,
      };
    });
    const serviceIds = [...new Set(ieps.flatMap((i) => i.services.map((s) => s.id)))];
    const services = serviceIds.map((serviceId) => {
      const name = ieps.flatMap((i) => i.services).find((s) => s.id === serviceId)!.name;
      const required = requiredMinutes(record, district, week, serviceId);
      const accountable = expected.filter((e) => e.plan?.services.some((p) => p.id === serviceId));
      const answers = accountable.map((e) => e.form?.services.find((s) => s.serviceId === serviceId));
      const sessions = answers.flatMap((a) => a?.sessions ?? []);
      const delivered = sessions.reduce((sum, s) => sum + ("minutes" in s ? s.minutes : 0), 0);
      const missed = zeroMissed();
      for (const s of sessions) if ("missed" in s) missed[s.missed] += 1;
      const makeUp = answers.flatMap((a) => a?.makeUp ?? []).reduce((sum, s) => sum + s.minutes, 0);
      const cell: ServiceWeekCell = {
        serviceId,
        name,
        staffIds: accountable.map((e) => e.rel.userId),
        required,
        delivered,
        missed,
        recorded: answers.some((a) => a !== undefined),
        makeUp,
      };
      const sum = running.get(serviceId) ?? { required: 0, delivered: 0, makeUp: 0 };
      const ended = state === "ended" && cell.recorded;
      if (ended || (state !== "future" && makeUp > 0))
        running.set(serviceId, {
          required: sum.required + (ended ? required : 0),
          delivered: sum.delivered + (ended ? delivered : 0),
          makeUp: sum.makeUp + makeUp,
        });
      const after = running.get(serviceId) ?? sum;
      return {
        ...cell,
        /** Required minutes of an ended week nobody recorded (0 otherwise): not recorded is not "not given". */
        unaccounted: state === "ended" && !cell.recorded ? required : 0,
        /** Owed so far, over the ended, recorded weeks up to this one, less the make-up minutes held up to this one. */
        balance: Math.max(0, after.required - after.delivered - after.makeUp),
      };
    });
    return { week, state, start: weekStart(week), schoolDays, iepVersion: iep?.version ?? null, accommodations, services };
  });
}

export type FidelityRow = ReturnType<typeof fidelityRows>[number];

/** The totals of a range of rows: each service's minutes and each accommodation's reports (minutes.ts). */
export function summarize(rows: FidelityRow[]) {
  const serviceIds = [...new Set(rows.flatMap((r) => r.services.map((s) => s.serviceId)))];
  const itemIds = [...new Set(rows.flatMap((r) => r.accommodations.map((a) => a.itemId)))];
  const accommodations = itemIds.map((id) => {
    const cells = rows.flatMap((r) =>
      r.accommodations.filter((a) => a.itemId === id).map((a) => ({ week: r.week, state: r.state, answers: a.answers, text: a.text })),
    );
    return accommodationCounts(id, cells.at(-1)!.text, cells);
  });
  return {
    services: serviceIds.map((id) => {
      const cells = rows.flatMap((r) => r.services.filter((s) => s.serviceId === id).map((cell) => ({ week: r.week, state: r.state, cell })));
      return serviceMinutes(id, cells.at(-1)!.cell.name, cells);
    }),
    accommodations,
    /** Every accommodation's reports added up: the caseload's one figure per student. */
    allAccommodations: accommodations.map(({ inProgress: _, ...a }) => a).reduce(addAccommodationCounts, noAccommodationCounts()),
  };
}

/**
 * A student's weeks and totals over a window, from the forms stored for it: the computation behind the
 * parent's page, the caseload, the director's report, both CSVs and the evidence packet. One key-range
 * Query of the window's forms. `now` is the clock (the district's calendar decides which week is in progress).
 */
export async function studentMinutes(record: StudentRecord, district: DistrictInfo, window: { from: string; to: string }, now = clock.now()) {
  const forms = await queryAll(formItemType, keys.fidelityFormsOfStudent(record.student.id, window.from, window.to));
  const currentWeek = currentWeekOf(district, now);
  const weeks = fidelityRows(record, district, weeksBetween(window.from, window.to), forms, currentWeek);
  return { from: window.from, to: window.to, currentWeek, weeks, ...summarize(weeks) };
}

const csvHeader = [
  "week",
  "start",
  "week_state",
  "school_days",
  "iep_version",
  "kind",
  "item_id",
  "item",
  "required_minutes",
  "delivered_minutes",
  ...missedReasons.map((r) => `missed_${r}`),
  "recorded",
  "not_recorded_minutes",
  "owed_so_far",
  "weeks_recorded",
  "weeks_not_recorded",
  "provided",
  "partly",
  "not_provided",
  "not_applicable",
  "not_recorded",
];
const blanks = (n: number) => Array.from({ length: n }, () => "");

/** Week rows, then one `total` row per service and accommodation: the same totals the pages show. */
function csvOf(data: Awaited<ReturnType<typeof studentMinutes>>) {
  const weekRows = data.weeks.flatMap((w) => [
    ...w.services.map((s) => [
      w.week,
      w.start,
      w.state,
      w.schoolDays,
      w.iepVersion,
      "service",
      s.serviceId,
      s.name,
      s.required,
      s.delivered,
      ...missedReasons.map((r) => s.missed[r]),
      s.recorded ? "yes" : "no",
      s.unaccounted,
      s.balance,
      "",
      "",
      ...blanks(5),
    ]),
    ...w.accommodations.map((a) => [
      w.week,
      w.start,
      w.state,
      w.schoolDays,
      w.iepVersion,
      "accommodation",
      a.itemId,
      a.text,
      ...blanks(2 + missedReasons.length + 5),
      a.provided,
      a.partly,
      a.not_provided,
      a.not_applicable,
      a.noRecord,
    ]),
  ]);
  const range = `${data.from}..${data.to}`;
  const totals = [
    ...data.services.map((s) => [
      "total",
      range,
      "ended",
      "",
      "",
      "service",
      s.serviceId,
      s.name,
      s.required,
      s.delivered,
      ...missedReasons.map((r) => s.missedByReason[r]),
      "",
      s.notRecorded.required,
      s.owed,
      s.recorded.weeks,
      s.notRecorded.weeks,
      ...blanks(5),
    ]),
    ...data.accommodations.map((a) => [
      "total",
      range,
      "ended",
      "",
      "",
      "accommodation",
      a.itemId,
      a.text,
      ...blanks(2 + missedReasons.length + 5),
      a.provided,
      a.partly,
      a.notProvided,
      a.notApplicable,
      a.notRecorded,
    ]),
  ];
  return toCsv(csvHeader, [...weekRows, ...totals]);
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
  const now = clock.now();
  const window = windowOf(district, input, now);
  const [data] = await Promise.all([
    studentMinutes(record!, district, window, now),
    Audit.record(actor, { studentId: input.studentId, action: "fidelity.read", record: `fidelity:${window.from}..${window.to}`, reason: grant.reason }),
  ]);
  const result = {
    student: { id: record!.student.id, name: studentName(record!.student) },
    ...data,
    /** Kept for older readers: each service's owed minutes, the same as `services[].owed`. */
    balance: data.services.map((s) => ({ serviceId: s.serviceId, name: s.name, owed: s.owed })),
  };
  return input.format === "csv" ? { csv: csvOf(data), result } : { result };
});

/** Zero of every count, the sum's starting point: an accommodation with no weeks, its week in progress left out. */
function noAccommodationCounts(): Omit<AccommodationCounts, "inProgress"> {
  const { inProgress: _, ...none } = accommodationCounts("", "", []);
  return none;
}
