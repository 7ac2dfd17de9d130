import * as v from "valibot";
import type { UserActor } from "../actor";
import { Audit, AuditEntry } from "../audit";
import { District } from "../district";
import { defaultTimeZone } from "../district/schema";
import { batchGet, itemType, keys, queryAll } from "../dynamo";
import { notFound } from "../error";
import { Iep, type IepVersion } from "../iep";
import { outboxItem } from "../outbox";
import { renderPacket } from "./packet-html";
import { verifyChain } from "./timeline";
import { loadVisible } from "./view";
import { clock } from "../clock";

const emailRecord = itemType(
  "concern email",
  v.object({ outboxId: v.string(), createdAt: v.string(), toName: v.string(), to: v.string(), role: v.string(), subject: v.string(), text: v.string(), status: v.optional(v.string()) }),
);
export type EmailRecord = v.InferOutput<typeof emailRecord.schema> & { status: string };
const auditItem = itemType("audit entry", AuditEntry);

/** Who may read the packet: the family, anyone it was assigned or handed to, the district's director. */
const packetReasons = ["guardian", "assigned_concern", "director"];

export interface IepOnDates {
  version?: IepVersion;
  dates: string[];
  items: Array<{ id: string; text: string; inVersion: boolean }>;
}

/** For each day the concern names (happened, filed, each event), the IEP version in effect, grouped by version. */
function iepOnDates(ieps: IepVersion[], itemIds: string[], days: string[]): IepOnDates[] {
  const groups = new Map<string, IepOnDates>();
  for (const day of [...new Set(days)].sort()) {
    const version = Iep.inEffect(ieps, day);
    const key = version ? `${version.effectiveFrom}#${version.version}` : "none";
    if (!groups.has(key)) {
      const texts = new Map<string, string>([
        ...(version?.accommodations ?? []).map((a) => [a.id, `Accommodation: ${a.text}`] as const),
        ...(version?.modifications ?? []).map((m) => [m.id, `Modification: ${m.text}`] as const),
        ...(version?.services ?? []).map((s) => [s.id, `Service: ${s.name}, ${s.minutesPerWeek} minutes a week (${s.providerRole})`] as const),
      ]);
      groups.set(key, { version, dates: [], items: itemIds.map((id) => ({ id, text: texts.get(id) ?? `(${id}: not in this version)`, inVersion: texts.has(id) })) });
    }
    groups.get(key)!.dates.push(day);
  }
  return [...groups.values()];
}

const localDay = (iso: string, timeZone: string) => new Date(iso).toLocaleDateString("en-CA", { timeZone });

/**
 * The evidence packet: the concern, the IEP items in effect on each date it names, the timeline with
 * each event's hash and the chain's head (checked now), every email sent for it, and its audit trail.
 * Reading it is audited first, so the trail printed includes this reading.
 */
export async function evidencePacket(actor: UserActor, id: string): Promise<string> {
  const { concern, events, record, reason } = await loadVisible(actor, id);
  if (!packetReasons.includes(reason)) throw notFound("Concern");
  await Audit.record(actor, { studentId: concern.studentId, action: "concern.packet", record: `concern:${concern.id}`, reason });
  const district = await District.load(concern.districtId);
  const timeZone = district?.timeZone ?? defaultTimeZone;
  const [mails, trail] = await Promise.all([queryAll(emailRecord, keys.concernEmails(concern.id)), queryAll(auditItem, keys.auditOpenedOf(concern.studentId))]);
  const outbox = new Map((await batchGet(outboxItem, mails.map((m) => keys.outbox(m.outboxId)))).map((o) => [o.id, o.status]));
  const days = [concern.happenedOn, localDay(concern.createdAt, timeZone), ...events.map((e) => localDay(e.at, timeZone))].filter((d): d is string => !!d);
  return renderPacket({
    concern,
    events,
    chain: verifyChain(events, concern.head),
    ieps: iepOnDates(record?.ieps ?? [], concern.itemIds, days),
    emails: mails.map((m) => ({ ...m, status: m.status === "failed" ? "failed" : (outbox.get(m.outboxId) ?? "sent") })),
    audit: trail.filter((e) => e.record === `concern:${concern.id}`).sort((a, b) => (a.at < b.at ? -1 : 1)),
    districtName: district?.name ?? "",
    timeZone,
    printedFor: actor.name,
    printedAt: clock.iso(),
  });
}
