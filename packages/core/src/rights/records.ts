import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { clock, districtToday } from "../clock";
import { District } from "../district";
import { getItem, itemType, keys, LegalClockItems, putAtVersionOp, putNew, queryAll, transact, type TransactOp } from "../dynamo";
import { isConditionFailure, notFound, VisibleError } from "../error";
import { isIdOf, newId } from "../id";
import { Student, type StudentRecord } from "../student";
import { studentName } from "../student/schema";
import { clockOf } from "./clocks";

/**
 * A parent's request for their child's education records (34 CFR 300.613): the district lets them
 * see the records within 45 days (or the district's own period) and before any IEP meeting or
 * hearing. Staff answer by releasing the records bundle (records-bundle.ts), which the parent then
 * downloads; the request, the release and each download are in the student's audit trail.
 */
export const RecordsRequestInfo = v.object({
  id: v.string(),
  districtId: v.string(),
  studentId: v.string(),
  studentName: v.string(),
  requestedBy: v.object({ id: v.string(), name: v.string() }),
  requestedAt: v.string(),
  requestedOn: v.string(),
  endsOn: v.string(),
  status: v.picklist(["open", "released"]),
  releasedAt: v.optional(v.string()),
  releasedBy: v.optional(v.object({ id: v.string(), name: v.string() })),
  version: v.number(),
});
export type RecordsRequest = v.InferOutput<typeof RecordsRequestInfo>;
const requestItem = itemType("records request", RecordsRequestInfo);

export const ReleaseBody = v.object({ version: v.pipe(v.number("Send the version of the request you released"), v.integer(), v.minValue(1)) });

async function studentOf(studentId: string): Promise<StudentRecord | undefined> {
  return isIdOf("stu", studentId) ? await Student.load(studentId) : undefined;
}

const clockEntry = (r: RecordsRequest) => ({
  districtId: r.districtId,
  kind: "records_request",
  startsOn: r.requestedOn,
  endsOn: r.endsOn,
  studentId: r.studentId,
  studentName: r.studentName,
  recordId: r.id,
});

/** What the API shows of a request, with its clock in words. */
async function viewOf(r: RecordsRequest) {
  const overrides = (await District.load(r.districtId))?.rightsClocks;
  const { requestedBy, ...rest } = r;
  return { ...rest, requestedBy: requestedBy.name, clock: clockOf("records_request", r.requestedOn, overrides) };
}

/**
 * The student's guardian asks for the records (any other parent: 404). An open request of theirs for
 * the child is answered again rather than doubled.
 */
export async function requestRecords(actor: UserActor, studentId: string) {
  const record = await studentOf(studentId);
  const grant = Access.toStudent(actor, "records.request", record);
  const open = (await queryAll(requestItem, keys.recordsRequestsOf(studentId))).find((r) => r.status === "open" && r.requestedBy.id === actor.userId);
  if (open) return { created: false, request: await viewOf(open) };
  const district = await District.load(record!.student.districtId);
  if (!district) throw notFound("Student");
  const now = clock.now();
  const requestedOn = districtToday(district, now);
  const period = clockOf("records_request", requestedOn, district.rightsClocks);
  const request: RecordsRequest = {
    id: newId("rrq"),
    districtId: district.id,
    studentId,
    studentName: studentName(record!.student),
    requestedBy: { id: actor.userId, name: actor.name },
    requestedAt: now.toISOString(),
    requestedOn,
    endsOn: period.endsOn,
    status: "open",
    version: 1,
  };
  await transact([
    putNew({ ...keys.recordsRequest(studentId, request.id), type: "records-request", ...request }),
    LegalClockItems.put(clockEntry(request)),
    { put: { ...keys.openRecordsRequest(request.districtId, request.endsOn, request.id), type: "records-request-open", ...clockEntry(request) } },
    auditOp(actor, request, "records.request", grant.reason),
  ]);
  return { created: true, request: await viewOf(request) };
}

const auditOp = (
  actor: UserActor,
  r: RecordsRequest,
  action: "records.request" | "records.release",
  reason: Parameters<typeof Audit.itemFor>[1]["reason"],
): TransactOp => putNew(Audit.itemFor(actor, { studentId: r.studentId, action, record: `records-request:${r.id}`, reason }));

/** The student's records requests, oldest first: for the family, and for the staff who may release them. */
export async function listRecordsRequests(actor: UserActor, studentId: string) {
  const record = await studentOf(studentId);
  const asParent = record && Access.isGuardian(actor, record);
  // Neither the family nor staff who may release: as if there were no such student.
  if (!asParent && !Access.may(actor, "records.release")) throw notFound("Student");
  const grant = asParent ? undefined : Access.toStudent(actor, "records.release", record);
  const requests = await queryAll(requestItem, keys.recordsRequestsOf(studentId));
  if (requests.length > 0)
    await Audit.record(actor, { studentId, action: "records.list", record: `records-requests:${studentId}`, reason: grant?.reason ?? "guardian" });
  return { items: await Promise.all(requests.map(viewOf)), canRelease: !asParent };
}

/** A request the actor may see, or 404. */
export async function loadRequest(studentId: string, requestId: string): Promise<RecordsRequest> {
  const found = isIdOf("rrq", requestId) ? await getItem(requestItem, keys.recordsRequest(studentId, requestId), true) : undefined;
  if (!found) throw notFound("Records request");
  return found;
}

/**
 * Staff release the records: the request is answered (conditional on the version they saw, so two
 * releases cannot both count), its clock leaves the board, and the release is audited.
 */
export async function releaseRecords(actor: UserActor, studentId: string, requestId: string, version: number) {
  const record = await studentOf(studentId);
  const grant = Access.toStudent(actor, "records.release", record);
  const request = await loadRequest(studentId, requestId);
  if (request.status === "released") throw new VisibleError(409, "already_released", "These records were already released.");
  if (request.version !== version) throw new VisibleError(409, "conflict", "This request changed after you opened it. Review it and act again.");
  const released: RecordsRequest = {
    ...request,
    status: "released",
    releasedAt: clock.iso(),
    releasedBy: { id: actor.userId, name: actor.name },
    version: request.version + 1,
  };
  try {
    await transact([
      putAtVersionOp({ ...keys.recordsRequest(studentId, requestId), type: "records-request", ...released }, request.version),
      LegalClockItems.remove(clockEntry(request)),
      { delete: keys.openRecordsRequest(request.districtId, request.endsOn, request.id) },
      auditOp(actor, request, "records.release", grant.reason),
    ]);
  } catch (error) {
    if (isConditionFailure(error)) throw new VisibleError(409, "conflict", "This request changed after you opened it. Review it and act again.");
    throw error;
  }
  return viewOf(released);
}
