import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { notFound } from "../error";
import { District, type DistrictInfo } from "../district";
import { defaultTimeZone } from "../district/schema";
import { concernClocks, type Clock } from "../rights/clocks";
import { Student, type StudentRecord } from "../student";
import { EmailFeedback } from "../user/email-feedback";
import { notesOf } from "../messages";
import { canFlags, seeingReason } from "./rules";
import { subjectOf } from "./naming";
import type { Concern } from "./schema";
import { loadWithTimeline } from "./store";
import { publicPerson, type TimelineEvent } from "./timeline";

export const isGuardianOf = (actor: UserActor, record: StudentRecord | undefined) => Access.isGuardian(actor, record);

/** Loads a concern the actor may see, or 404 (whether it does not exist or is not theirs). */
export async function loadVisible(actor: UserActor, id: string) {
  const found = await loadWithTimeline(id);
  const record = found && (await Student.load(found.concern.studentId));
  const reason = found && seeingReason(actor, found.concern, record);
  if (!found || !reason) throw notFound("Concern");
  return { ...found, record, reason, isGuardian: isGuardianOf(actor, record) };
}

type EmailFlags = Awaited<ReturnType<typeof EmailFeedback.flagsOf>>;

/**
 * Whether the parent's and the assignee's email gets through, for staff (one BatchGetItem): a
 * bounce or a complaint flags the address, and whoever handles the concern then reaches that person
 * another way. The parent sees no flags, as on the student's page.
 */
export const emailFlagsOf = (concern: Concern, isGuardian: boolean): Promise<EmailFlags> =>
  EmailFeedback.flagsOf(isGuardian ? [] : [concern.parent.id, ...(concern.assignee ? [concern.assignee.id] : [])]);

/** The concern's legal clocks (rights/clocks.ts), on its district's calendar and under the district's own rules. */
export const clocksIn = (concern: Concern, district: Pick<DistrictInfo, "timeZone" | "rightsClocks"> | undefined): Clock[] =>
  concernClocks(concern, district?.timeZone ?? defaultTimeZone, district?.rightsClocks);

/** The same, reading the district (a verb that has read it already passes it to clocksIn). */
export const clocksOf = async (concern: Concern) => clocksIn(concern, await District.load(concern.districtId));

/** What the API shows of a concern: no task token, no addresses; to staff, whose email is undeliverable (emailFlagsOf). */
export function toView(actor: UserActor, concern: Concern, events: TimelineEvent[], isGuardian: boolean, flags: EmailFlags = new Map(), clocks: Clock[] = []) {
  const person = (p: Concern["parent"] | undefined) => p && { ...publicPerson(p)!, emailUndeliverable: flags.get(p.id) ?? null };
  return {
    id: concern.id,
    studentId: concern.studentId,
    studentName: concern.studentName,
    subject: subjectOf(concern),
    reference: concern.reference ?? null,
    parent: person(concern.parent)!,
    itemIds: concern.itemIds,
    items: concern.items ?? [],
    classId: concern.classId,
    className: concern.className,
    happenedOn: concern.happenedOn,
    stateComplaintFiledOn: concern.stateComplaintFiledOn ?? null,
    clocks,
    description: concern.description,
    desiredResolution: concern.desiredResolution,
    advocateEmail: concern.advocateEmail,
    status: concern.status,
    outcome: concern.outcome,
    level: concern.level,
    assignee: person(concern.assignee) ?? null,
    dueAt: concern.dueAt ?? null,
    pausedDays: concern.pausedDays,
    version: concern.version,
    createdAt: concern.createdAt,
    updatedAt: concern.updatedAt,
    // Notes as catalog codes (a note stored as English before codes, sentence by sentence): the reader's language words them.
    timeline: events.map(({ prevHash: _p, note, notes, ...event }) => ({ ...event, notes: notesOf({ note, notes }) })),
    can: canFlags(actor, concern, isGuardian),
  };
}

export async function getConcern(actor: UserActor, id: string) {
  const { concern, events, reason, isGuardian } = await loadVisible(actor, id);
  const [flags, clocks] = await Promise.all([
    emailFlagsOf(concern, isGuardian),
    clocksOf(concern),
    Audit.record(actor, { studentId: concern.studentId, action: "concern.read", record: `concern:${concern.id}`, reason }),
  ]);
  return toView(actor, concern, events, isGuardian, flags, clocks);
}
