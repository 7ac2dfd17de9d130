import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { District } from "../district";
import { batchGet, keys, queryPage } from "../dynamo";
import { notFound } from "../error";
import { districtToday } from "../fidelity/form";
import { relationshipItemType } from "../student";
import { queryAll } from "../dynamo";
import { verb } from "../verb";
import { helpLinkItemType, helpRequestItemType } from "./items";
import type { HelpRequest } from "./schema";

/** The newest requests each list shows. */
const LIST_LIMIT = 50;

/** What the web shows of a request, with what the reader may do with it. */
export const shownRequest = (r: HelpRequest, actions: readonly string[], today: string) => ({
  ...r,
  pastDue: r.status === "open" && r.dueOn < today,
  can: { resolve: actions.includes("resolve") && r.status === "open", comment: actions.includes("comment") && r.status === "open" },
});

/**
 * GET /api/help-requests: the requests a case manager is to answer (open first, then by due day) and
 * the requests the reader asked, newest first: each one a Query of the reader's own links and one
 * BatchGet. Only requests about students the reader still serves are shown. Anyone who may never
 * see one (a parent, the director, an administrator) is answered 404. Each request shown is audited.
 */
export const listHelpRequests = verb(v.object({}), async (actor: UserActor) => {
  if (!Access.may(actor, "help.list")) throw notFound("Help requests");
  const [district, links, toAnswerLinks, mineLinks] = await Promise.all([
    District.load(actor.districtId),
    queryAll(relationshipItemType, keys.studentsOfUser(actor.userId)),
    queryPage(helpLinkItemType, { ...keys.helpsForCaseManager(actor.userId), newestFirst: true, limit: LIST_LIMIT }),
    queryPage(helpLinkItemType, { ...keys.helpsOfTeacher(actor.userId), newestFirst: true, limit: LIST_LIMIT }),
  ]);
  if (!district) throw notFound("District");
  const ties = new Map<string, Array<(typeof links)[number]["kind"]>>();
  for (const l of links) ties.set(l.studentId, [...(ties.get(l.studentId) ?? []), l.kind]);
  const ids = [...new Set([...toAnswerLinks.items, ...mineLinks.items].map((l) => l.requestId))];
  const requests = await batchGet(
    helpRequestItemType,
    ids.map((id) => keys.helpRequest(id)),
    true,
  );
  const today = districtToday(district);
  const seen = requests.flatMap((r) => {
    const access = Access.helpAccess(actor, r, ties.get(r.studentId) ?? []);
    return access ? [{ r, access }] : [];
  });
  await Audit.recordMany(
    actor,
    seen.map(({ r, access }) => ({ studentId: r.studentId, action: "help.list", record: `help:${r.id}`, reason: access.reason })),
  );
  const toAnswer = seen
    .filter((s) => s.access.answers)
    .map((s) => shownRequest(s.r, s.access.actions, today))
    .sort(
      (a, b) =>
        Number(a.status !== "open") - Number(b.status !== "open") ||
        (a.status === "open" ? a.dueOn.localeCompare(b.dueOn) : b.createdAt.localeCompare(a.createdAt)),
    );
  const mine = seen
    .filter((s) => s.r.teacherId === actor.userId)
    .map((s) => shownRequest(s.r, Access.helpAccess(actor, { ...s.r, caseManagerId: "" }, ties.get(s.r.studentId) ?? [])?.actions ?? [], today))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { toAnswer, mine };
});
