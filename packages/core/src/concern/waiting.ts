import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { batchGet, keys, queryPage } from "../dynamo";
import { concernItem, concernLinkItem } from "./items";
import { subjectOf } from "./naming";
import type { Concern } from "./schema";
import { tiesByStudent } from "./ties";

/** What a person has to do on a concern, each with its deadline. */
export const waitingKinds = ["answer_question", "confirm_fix", "respond", "record_outcome"] as const;
export type WaitingKind = (typeof waitingKinds)[number];

/** The newest links read: a concern waiting on someone is recent (deadlines are days away), and the read stays bounded. */
const linksRead = 200;
const linkPage = 100;

/** What `actor` should do on `concern` now, if anything (the same conditions as the actions themselves, rules.ts). */
export function waitingKind(actor: UserActor, concern: Concern, isGuardian: boolean): WaitingKind | undefined {
  if (concern.stage !== "wait") return undefined;
  if (isGuardian && concern.status === "awaiting_info") return "answer_question";
  if (isGuardian && concern.status === "awaiting_confirmation") return "confirm_fix";
  if (concern.assignee?.id !== actor.userId) return undefined;
  if (concern.status === "open" && concern.level !== "advocate") return "respond";
  if (concern.status === "with_advocate") return "record_outcome";
  return undefined;
}

/**
 * What is waiting on the reader, soonest deadline first, for their home page: a parent's questions
 * to answer and fixes to confirm; a teacher's, case manager's or director's concerns assigned to them
 * and not yet answered; an advocate's concerns to record an outcome for. Read from the person's own
 * partition of concern links (the newest 200, a few Queries) and one BatchGet per page; each concern
 * named is a sighting in that student's audit trail.
 */
export async function waitingOn(actor: UserActor) {
  Access.requireAction(actor, "concern.read");
  const [links, ties] = await Promise.all([newestLinks(actor.userId), tiesByStudent(actor)]);
  const concerns = await batchGet(
    concernItem,
    links.map((l) => keys.concern(l.concernId)),
  );
  const items = concerns
    .flatMap((c) => {
      // A link is a hint: only a concern the reader may see (Access), named with that reason.
      const reason = Access.concernReason(actor, c, ties(c.studentId));
      const isGuardian = ties(c.studentId).includes("guardian");
      const kind = reason && waitingKind(actor, c, isGuardian);
      return kind ? [{ concern: c, kind, reason }] : [];
    })
    .sort((a, b) => (a.concern.dueAt ?? "~").localeCompare(b.concern.dueAt ?? "~"));
  await Audit.recordMany(
    actor,
    items.map(({ concern, reason }) => ({ studentId: concern.studentId, action: "concern.list", record: `concern:${concern.id}`, reason })),
  );
  return {
    count: items.length,
    items: items.map(({ concern, kind }) => ({
      kind,
      id: concern.id,
      reference: concern.reference ?? null,
      subject: subjectOf(concern),
      studentName: concern.studentName,
      dueAt: concern.dueAt ?? null,
    })),
  };
}

async function newestLinks(userId: string) {
  const links: Array<{ concernId: string }> = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(concernLinkItem, { ...keys.concernsOfUser(userId), newestFirst: true, limit: linkPage, cursor });
    links.push(...page.items);
    cursor = page.cursor;
  } while (cursor && links.length < linksRead);
  return links;
}
