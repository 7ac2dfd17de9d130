import * as v from "valibot";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { addDays } from "../calendar/zoned";
import { districtToday } from "../clock";
import { itemType, keys, queryAll } from "../dynamo";
import { clockKinds } from "./clocks";

/** How far ahead the director's board looks for legal clocks. */
export const boardHorizonDays = 30;

const clockEntry = itemType(
  "legal clock",
  v.object({
    kind: v.picklist(clockKinds),
    startsOn: v.string(),
    endsOn: v.string(),
    studentId: v.string(),
    studentName: v.string(),
    recordId: v.string(),
    reference: v.optional(v.string()),
  }),
);

/** The district's records requests not yet answered, whenever their clock ends (overdue ones first): the board lists them all. */
export async function openRecordsRequests(actor: UserActor, districtId: string) {
  const entries = await queryAll(clockEntry, keys.openRecordsRequests(districtId));
  await Audit.recordMany(
    actor,
    entries.map((e) => ({ studentId: e.studentId, action: "records.list" as const, record: `records-request:${e.recordId}`, reason: "director" as const })),
  );
  return entries.map((e) => ({
    kind: e.kind,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    studentId: e.studentId,
    studentName: e.studentName,
    recordsRequestId: e.recordId,
  }));
}

/**
 * The district's legal clocks that end from today through 30 days on, soonest first (one Query of the
 * index the concerns and records requests keep). The names shown are sightings of those students'
 * records, so each is written to their audit trail, as the board's concerns are.
 */
export async function clocksEndingSoon(actor: UserActor, district: { id: string; timeZone?: string }) {
  const today = districtToday(district);
  const entries = await queryAll(clockEntry, keys.legalClocksEnding(district.id, today, addDays(today, boardHorizonDays)));
  await Audit.recordMany(
    actor,
    entries.map((e) => ({
      studentId: e.studentId,
      action: e.recordId.startsWith("con_") ? ("concern.list" as const) : ("records.list" as const),
      record: e.recordId.startsWith("con_") ? `concern:${e.recordId}` : `records-request:${e.recordId}`,
      reason: "director" as const,
    })),
  );
  return entries.map((e) => ({
    kind: e.kind,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    studentId: e.studentId,
    studentName: e.studentName,
    ...(e.recordId.startsWith("con_") ? { concernId: e.recordId, reference: e.reference ?? null } : { recordsRequestId: e.recordId }),
  }));
}
