import { Access } from "../access";
import type { UserActor } from "../actor";
import { hasRole } from "../actor";
import { batchGet, keys, queryAll, queryPage } from "../dynamo";
import { filteredPage } from "../dynamo/filtered-page";
import { relationshipItemType } from "../student/items";
import type * as v from "valibot";
import type { Concern, ListConcerns } from "./schema";
import { publicPerson } from "./timeline";
import { concernItem, concernLinkItem } from "./items";

const pageSize = 25;
/** Per source, for people who see concerns through several (their children, their caseload, their assignments). */
const perSourceLimit = 50;

const summary = (c: Concern) => ({
  id: c.id,
  studentId: c.studentId,
  studentName: c.studentName,
  status: c.status,
  outcome: c.outcome,
  level: c.level,
  assignee: publicPerson(c.assignee) ?? null,
  dueAt: c.dueAt ?? null,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

type Filter = v.InferOutput<typeof ListConcerns>;
const matches = (f: Filter) => (c: Concern) => (!f.status || c.status === f.status) && (!f.level || c.level === f.level) && (!f.studentId || c.studentId === f.studentId);

/**
 * What the caller may see, newest first. The director reads the district's index a page at a time
 * (one Query per page, filters applied within a bounded read). Everyone else sees concerns through
 * link items (their children, their caseload, what they were assigned or handed), newest 50 per source.
 */
export async function listConcerns(actor: UserActor, filter: Filter) {
  Access.requireAction(actor, "concern.read");
  const keep = matches(filter);
  if (hasRole(actor, "director")) {
    const page = await filteredPage<Concern>((cursor, limit) => queryPage(concernItem, { ...keys.concernsOfDistrict(actor.districtId), newestFirst: true, limit, cursor }), { pageSize, cursor: filter.cursor, keep });
    return { items: page.items.map(summary), cursor: page.cursor };
  }
  const sources: Array<{ pk: string }> = [];
  if (hasRole(actor, "teacher", "case_manager", "advocate")) sources.push(keys.concernsOfUser(actor.userId));
  if (hasRole(actor, "parent", "case_manager")) {
    const links = await queryAll(relationshipItemType, keys.studentsOfUser(actor.userId));
    for (const link of links) {
      if ((link.kind === "guardian" && hasRole(actor, "parent")) || (link.kind === "case_manager" && hasRole(actor, "case_manager"))) sources.push(keys.concernsOfStudent(link.studentId));
    }
  }
  const linkPages = await Promise.all(sources.map((source) => queryPage(concernLinkItem, { ...source, newestFirst: true, limit: perSourceLimit })));
  const ids = [...new Map(linkPages.flatMap((p) => p.items).sort((a, b) => (a.sk < b.sk ? 1 : -1)).map((l) => [l.concernId, l.sk])).keys()];
  const concerns = await batchGet(concernItem, ids.map((id) => keys.concern(id)));
  const byId = new Map(concerns.map((c) => [c.id, c]));
  return { items: ids.flatMap((id) => byId.get(id) ?? []).filter(keep).map(summary) };
}
