import { District, type DistrictInfo } from "../district";
import { defaultTimeZone } from "../district/schema";
import { LegalClockItems, type TransactOp } from "../dynamo";
import { clockOf, concernClocks, type Clock } from "../rights/clocks";
import type { Concern } from "./schema";

/** A concern's clock as the district's index of clocks keeps it (the director's board reads it by the day it ends). */
const entryOf = (concern: Concern, clock: Clock) => ({
  districtId: concern.districtId,
  kind: clock.kind,
  startsOn: clock.startsOn,
  endsOn: clock.endsOn,
  studentId: concern.studentId,
  studentName: concern.studentName,
  recordId: concern.id,
  ...(concern.reference && { reference: concern.reference }),
});

/** At filing: the concern's clocks into the index, in the filing's transaction. */
export const clockIndexOps = (concern: Concern, district: DistrictInfo): TransactOp[] =>
  concernClocks(concern, district.timeZone ?? defaultTimeZone, district.rightsClocks).map((clock) => LegalClockItems.put(entryOf(concern, clock)));

/** A state complaint recorded: its decision clock into the index, replacing the one of a day recorded before. */
export async function stateComplaintClockOps(concern: Concern, filedOn: string): Promise<TransactOp[]> {
  const overrides = (await District.load(concern.districtId))?.rightsClocks;
  const clock = clockOf("state_complaint_decision", filedOn, overrides);
  const before = concern.stateComplaintFiledOn && clockOf("state_complaint_decision", concern.stateComplaintFiledOn, overrides);
  return [
    ...(before && before.endsOn !== clock.endsOn ? [LegalClockItems.remove({ ...entryOf(concern, before) })] : []),
    LegalClockItems.put(entryOf(concern, clock)),
  ];
}
