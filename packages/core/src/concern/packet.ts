import * as v from "valibot";
import { plansWithDelivery } from "../fidelity/compensatory";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit, AuditEntry } from "../audit";
import { District } from "../district";
import { defaultTimeZone } from "../district/schema";
import { batchGet, itemType, keys, queryAll } from "../dynamo";
import { notFound } from "../error";
import { districtToday, formItemType } from "../fidelity/form";
import { fidelityRows, summarize } from "../fidelity/student-report";
import { addWeeks, isoWeekOf, weeksBetween } from "../fidelity/week";
import { Iep, type IepVersion } from "../iep";
import { outboxItem } from "../outbox";
import { User } from "../user";
import type { Language } from "../user/schema";
import { renderPacket, type PacketFidelity } from "./packet-html";
import { renderComplaint } from "./complaint-html";
import { concernClocks } from "../rights/clocks";
import type { Concern } from "./schema";
import { verifyChain } from "./timeline";
import { loadVisible } from "./view";
import { clock } from "../clock";

const emailRecord = itemType(
  "concern email",
  v.object({
    outboxId: v.string(),
    createdAt: v.string(),
    toName: v.string(),
    to: v.string(),
    role: v.string(),
    subject: v.string(),
    text: v.string(),
    status: v.optional(v.string()),
  }),
);
export type EmailRecord = v.InferOutput<typeof emailRecord.schema> & { status: string };
const auditItem = itemType("audit entry", AuditEntry);

/** The fidelity records start this many weeks before the week the concern was filed. */
const weeksBefore = 4;

export type IepItemText =
  | { kind: "accommodation" | "modification"; text: string }
  | { kind: "service"; name: string; minutes: number; provider: string }
  | { kind: "missing"; id: string };

export interface IepOnDates {
  version?: IepVersion;
  dates: string[];
  items: IepItemText[];
}

/** For each day the concern names (happened, filed, each event), the IEP version in effect, grouped by version. */
function iepOnDates(ieps: IepVersion[], itemIds: string[], days: string[]): IepOnDates[] {
  const groups = new Map<string, IepOnDates>();
  for (const day of [...new Set(days)].sort()) {
    const version = Iep.inEffect(ieps, day);
    const key = version ? `${version.effectiveFrom}#${version.version}` : "none";
    if (!groups.has(key)) {
      const texts = new Map<string, IepItemText>([
        ...(version?.accommodations ?? []).map((a) => [a.id, { kind: "accommodation", text: a.text }] as const),
        ...(version?.modifications ?? []).map((m) => [m.id, { kind: "modification", text: m.text }] as const),
        ...(version?.services ?? []).map((s) => [s.id, { kind: "service", name: s.name, minutes: s.minutesPerWeek, provider: s.providerRole }] as const),
      ]);
      groups.set(key, { version, dates: [], items: itemIds.map((id) => texts.get(id) ?? { kind: "missing", id }) });
    }
    groups.get(key)!.dates.push(day);
  }
  return [...groups.values()];
}

const localDay = (iso: string, timeZone: string) => new Date(iso).toLocaleDateString("en-CA", { timeZone });

/**
 * Every weekly answer about the supports the concern names, from four weeks before the week it was
 * filed to this week, and each named service's minutes as the fidelity computation in core counts them.
 */
async function fidelityOf(
  concern: Concern,
  record: NonNullable<Awaited<ReturnType<typeof loadVisible>>["record"]>,
  district: NonNullable<Awaited<ReturnType<typeof District.load>>>,
  timeZone: string,
): Promise<PacketFidelity> {
  const to = isoWeekOf(districtToday(district));
  const from = addWeeks(isoWeekOf(localDay(concern.createdAt, timeZone)), -weeksBefore);
  const forms = (await queryAll(formItemType, keys.fidelityFormsOfStudent(concern.studentId, from, to))).sort(
    (a, b) => a.week.localeCompare(b.week) || a.staffName.localeCompare(b.staffName),
  );
  const named = new Set(concern.itemIds);
  const answers = forms.flatMap((form) => [
    ...form.accommodations
      .filter((a) => named.has(a.itemId))
      .map((a) => ({ form, support: form.plan.accommodations.find((p) => p.id === a.itemId)?.text ?? a.itemId, accommodation: a })),
    ...form.services
      .filter((s) => named.has(s.serviceId))
      .map((s) => ({ form, support: form.plan.services.find((p) => p.id === s.serviceId)?.name ?? s.serviceId, service: s })),
  ]);
  // The one computation of minutes in core (fidelity), for the same weeks.
  // Ended weeks only; the week in progress owes nothing yet (docs/minutes.md).
  const weeks = fidelityRows(record, district, weeksBetween(from, to), forms, to);
  const services = summarize(weeks)
    .services.filter((s) => named.has(s.serviceId))
    .map((s) => ({ name: s.name, required: s.required, delivered: s.delivered, owed: s.owed }));
  const makeUpPlans = (await plansWithDelivery(concern.studentId, district))
    .filter((p) => named.has(p.serviceId))
    .map((p) => ({ serviceName: p.serviceName, minutes: p.minutes, dueOn: p.dueOn, delivered: p.delivered, remaining: p.remaining }));
  return { from, to, answers, services, makeUpPlans };
}

/**
 * The evidence packet: the concern, the IEP items in effect on each date it names, the weekly fidelity
 * answers and minutes for its supports, the timeline with each event's hash and the chain's head
 * (checked now), every email sent for it, and its audit trail, in the reader's language (`lang`, else
 * the one stored for them). Reading it is audited first, so the trail printed includes this reading.
 */
export async function evidencePacket(
  actor: UserActor,
  id: string,
  lang?: Language,
  complaint?: { address?: string },
): Promise<{ html: string; styleHash: string }> {
  const { concern, events, record, reason } = await loadVisible(actor, id);
  // The family, anyone it was assigned or handed to, the district's director; not the caseload alone (Access).
  if (!Access.opensPacket(reason) || !record) throw notFound("Concern");
  await Audit.record(actor, { studentId: concern.studentId, action: "concern.packet", record: `concern:${concern.id}`, reason });
  const district = await District.load(concern.districtId);
  if (!district) throw notFound("Concern");
  const timeZone = district.timeZone ?? defaultTimeZone;
  const [mails, trail, fidelity] = await Promise.all([
    queryAll(emailRecord, keys.concernEmails(concern.id)),
    queryAll(auditItem, keys.auditOpenedOf(concern.studentId)),
    fidelityOf(concern, record, district, timeZone),
  ]);
  const outbox = new Map(
    (
      await batchGet(
        outboxItem,
        mails.map((m) => keys.outbox(m.outboxId)),
      )
    ).map((o) => [o.id, o.status]),
  );
  const days = [concern.happenedOn, localDay(concern.createdAt, timeZone), ...events.map((e) => localDay(e.at, timeZone))].filter((d): d is string => !!d);
  const data = {
    lang: lang ?? User.languageOf(actor),
    concern,
    events,
    chain: verifyChain(events, concern.head),
    ieps: iepOnDates(record.ieps, concern.itemIds, days),
    fidelity,
    emails: mails.map((m) => ({ ...m, status: m.status === "failed" ? "failed" : (outbox.get(m.outboxId) ?? "sent") })),
    audit: trail.filter((e) => e.record === `concern:${concern.id}`).sort((a, b) => (a.at < b.at ? -1 : 1)),
    districtName: district.name,
    timeZone,
    printedFor: actor.name,
    printedAt: clock.iso(),
  };
  if (!complaint) return renderPacket(data);
  return renderComplaint({
    ...data,
    address: complaint.address,
    clocks: concernClocks(concern, timeZone, district.rightsClocks),
    parentEmail: concern.parent.email,
  });
}
