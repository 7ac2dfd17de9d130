import * as v from "valibot";
import { addDays } from "../calendar";
import { clock, districtToday } from "../clock";
import { Access } from "../access";
import { Audit } from "../audit";
import { District } from "../district";
import type { DistrictInfo } from "../district/schema";
import { notFound, VisibleError } from "../error";
import { Iep, type IepVersion } from "../iep";
import { Student, studentName, type StudentRecord } from "../student";
import { verb } from "../verb";
import { helpedCounts } from "./helped";
import { helpedAnswers } from "./schema";
import { studentMinutes } from "./student-report";
import { addWeeks, isoWeekOf } from "./week";
import { maxWeeks, toCsv } from "./window";

/** The version that takes over from `iep`: the next one to take effect after it (a later version on the same day wins, as in Iep.inEffect). */
const successor = (versions: IepVersion[], iep: IepVersion) =>
  versions
    .filter((x) => x.effectiveFrom > iep.effectiveFrom || (x.effectiveFrom === iep.effectiveFrom && x.version > iep.version))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version)[0];

/**
 * An IEP version's period, in weeks of the district's calendar: from the week it took effect to the
 * week holding the district's today, or the week before its successor took over. A period longer
 * than a window may be (window.ts) keeps its latest weeks and says so.
 */
export function reviewPeriod(record: StudentRecord, district: DistrictInfo, now: Date, version?: number) {
  const today = districtToday(district, now);
  const iep = version === undefined ? Iep.inEffect(record.ieps, today) : record.ieps.find((x) => x.version === version);
  if (!iep) {
    if (version !== undefined) throw notFound("IEP version");
    return undefined;
  }
  if (iep.effectiveFrom > today)
    throw new VisibleError(422, "iep_not_started", "This IEP version has not taken effect yet.", { effectiveFrom: iep.effectiveFrom });
  const next = successor(record.ieps, iep);
  const endsOn = next ? addDays(next.effectiveFrom, -1) : null;
  const lastDay = endsOn && endsOn < today ? endsOn : today;
  const to = isoWeekOf(lastDay);
  const start = isoWeekOf(iep.effectiveFrom);
  const earliest = addWeeks(to, -(maxWeeks - 1));
  const truncated = start < earliest;
  return { iep, endsOn, from: truncated ? earliest : start, to, truncated };
}

/**
 * A student's IEP review summary: each support's delivery over the IEP version's period (the same
 * `studentMinutes` as the fidelity page for those weeks, so the numbers agree everywhere) and, for each
 * accommodation, what teachers said on its "provided" reports about whether it helped.
 */
export async function reviewOf(record: StudentRecord, district: DistrictInfo, now: Date, version?: number) {
  const period = reviewPeriod(record, district, now, version);
  if (!period) return { iep: null, from: null, to: null, truncated: false, currentWeek: null, services: [], accommodations: [] };
  const data = await studentMinutes(record, district, { from: period.from, to: period.to }, now);
  return {
    iep: { version: period.iep.version, effectiveFrom: period.iep.effectiveFrom, endsOn: period.endsOn },
    from: data.from,
    to: data.to,
    /** The period was longer than one window: only its latest weeks are counted. */
    truncated: period.truncated,
    currentWeek: data.currentWeek,
    services: data.services,
    accommodations: data.accommodations.map((a) => ({
      ...a,
      helped: helpedCounts(
        data.weeks.flatMap((w) => w.accommodations.filter((x) => x.itemId === a.itemId).map((x) => ({ state: w.state, answers: x.answers }))),
      ),
    })),
  };
}

export type IepReview = Awaited<ReturnType<typeof reviewOf>>;

const csvHeader = [
  "iep_version",
  "from_week",
  "to_week",
  "kind",
  "item_id",
  "item",
  "weeks_recorded",
  "weeks_not_recorded",
  "required_minutes",
  "delivered_minutes",
  "percent_of_minutes",
  "reports_answered",
  "provided_in_full",
  "partly",
  "not_provided",
  "not_applicable",
  "not_recorded",
  "percent_of_reports",
  ...helpedAnswers.map((a) => `helped_${a}`),
  "helped_unanswered",
];

/** One row per service and accommodation, with the summary's own totals (ended weeks only). */
function csvOf(review: IepReview) {
  const start = (kind: string, id: string, text: string) => [review.iep?.version, review.from, review.to, kind, id, text];
  return toCsv(csvHeader, [
    ...review.services.map((s) => [
      ...start("service", s.serviceId, s.name),
      s.recorded.weeks,
      s.notRecorded.weeks,
      s.recorded.required,
      s.delivered,
      s.percentOfMinutes,
      ...Array.from({ length: 7 + helpedAnswers.length + 1 }, () => ""),
    ]),
    ...review.accommodations.map((a) => [
      ...start("accommodation", a.itemId, a.text),
      "",
      "",
      "",
      "",
      "",
      a.answered,
      a.provided,
      a.partly,
      a.notProvided,
      a.notApplicable,
      a.notRecorded,
      a.percentOfReports,
      ...helpedAnswers.map((h) => a.helped[h]),
      a.helped.unanswered,
    ]),
  ]);
}

/**
 * GET /api/students/:id/iep/review: whoever may read the student's fidelity (the access policy's
 * `fidelity.read`: the case manager, the student's teachers, the family, the director and the
 * district's administrator) reads the summary; anyone else 404. One audit entry per read.
 */
export const iepReview = verb(
  v.object({
    studentId: v.pipe(v.string(), v.maxLength(64)),
    version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    format: v.optional(v.picklist(["json", "csv"])),
  }),
  async (actor, input) => {
    const record = /^stu_[0-9a-z]{26}$/.test(input.studentId) ? await Student.load(input.studentId) : undefined;
    const grant = Access.toStudent(actor, "fidelity.read", record);
    const district = await District.load(record!.student.districtId);
    if (!district) throw notFound("District");
    const now = clock.now();
    const review = await reviewOf(record!, district, now, input.version);
    await Audit.record(actor, {
      studentId: input.studentId,
      action: "fidelity.read",
      record: review.iep ? `iep-review:v${review.iep.version}:${review.from}..${review.to}` : "iep-review:none",
      reason: grant.reason,
    });
    const result = { student: { id: record!.student.id, name: studentName(record!.student) }, ...review };
    return input.format === "csv" ? { csv: csvOf(review), result } : { result };
  },
);
