import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit } from "../audit";
import { batchGet, getItem, keys, queryPage, type QueryInput } from "../dynamo";
import { normalizeName } from "../student/schema";
import { parseReference, subjectOf } from "./naming";
import { concernIdByReference } from "./reference";
import { filteredPage } from "../dynamo/filtered-page";
import type * as v from "valibot";
import type { Concern, ListConcerns } from "./schema";
import { publicPerson } from "./timeline";
import { concernItem, concernLinkItem } from "./items";
import { tiesByStudent } from "./ties";

const pageSize = 25;

const summary = (c: Concern) => ({
  id: c.id,
  studentId: c.studentId,
  studentName: c.studentName,
  subject: subjectOf(c),
  reference: c.reference ?? null,
  status: c.status,
  outcome: c.outcome,
  level: c.level,
  assignee: publicPerson(c.assignee) ?? null,
  dueAt: c.dueAt ?? null,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

type Filter = v.InferOutput<typeof ListConcerns>;
const searchText = (text: string) => normalizeName(text);
/** Text search: every word typed appears in the subject, the student's name or the reference (case and accents aside). */
const matchesText = (q: string | undefined) => {
  const words = q ? searchText(q).split(" ").filter(Boolean) : [];
  return (c: Concern) => {
    if (words.length === 0) return true;
    const haystack = searchText(`${subjectOf(c)} ${c.studentName} ${c.reference ?? ""}`);
    return words.every((word) => haystack.includes(word));
  };
};
const matches = (f: Filter) => {
  const text = matchesText(f.q);
  return (c: Concern) => (!f.status || c.status === f.status) && (!f.level || c.level === f.level) && (!f.studentId || c.studentId === f.studentId) && text(c);
};

/** A reference typed in the search ("C-1042"): one Get, then the same visibility as the list. */
const byReference = (districtId: string, reference: string) => async (cursor: string | undefined) => {
  if (cursor) return { items: [] as Concern[] };
  const id = await concernIdByReference(districtId, reference);
  const concern = id && (await getItem(concernItem, keys.concern(id)));
  return { items: concern ? [concern] : [] };
};

/** A page of link items read as the concerns they point to, in the links' (newest first) order. */
const throughLinks = (source: { pk: string }) => async (cursor: string | undefined, limit: number) => {
  const page = await queryPage(concernLinkItem, { ...source, newestFirst: true, limit, cursor } satisfies QueryInput);
  const byId = new Map(
    (
      await batchGet(
        concernItem,
        page.items.map((l) => keys.concern(l.concernId)),
      )
    ).map((c) => [c.id, c]),
  );
  return { items: page.items.flatMap((l) => byId.get(l.concernId) ?? []), cursor: page.cursor };
};

/**
 * What the caller may see, newest first, a Query per page with a sealed cursor. The director reads
 * the district's index (or one student's links); everyone else their own partition of link items,
 * written when they became a viewer (the family and case manager at filing, each assignee when
 * assigned). A link is a hint, not a grant: each concern read is kept only when Access.concernReason
 * lets the caller see it, as GET /api/concerns/:id decides, and that reason goes to the audit trail.
 */
export async function listConcerns(actor: UserActor, filter: Filter) {
  Access.requireAction(actor, "concern.read");
  let read: Parameters<typeof filteredPage<Concern>>[0];
  const reference = filter.q ? parseReference(filter.q) : undefined;
  const keep = reference ? (c: Concern) => matches({ ...filter, q: undefined })(c) && c.reference === reference : matches(filter);
  if (Access.seesDistrictConcerns(actor)) {
    read = filter.studentId
      ? throughLinks(keys.concernsOfStudent(filter.studentId))
      : (cursor: string | undefined, limit: number) =>
          queryPage(concernItem, { ...keys.concernsOfDistrict(actor.districtId), newestFirst: true, limit, cursor });
  } else {
    read = throughLinks(keys.concernsOfUser(actor.userId));
  }
  if (reference) read = byReference(actor.districtId, reference);
  const ties = await tiesByStudent(actor);
  const reasonFor = (c: Concern) => Access.concernReason(actor, c, ties(c.studentId));
  const page = await filteredPage<Concern>(read, { pageSize, cursor: filter.cursor, keep: (c) => reasonFor(c) !== undefined && keep(c) });
  await Audit.recordMany(
    actor,
    page.items.flatMap((c) => {
      const reason = reasonFor(c);
      return reason ? [{ studentId: c.studentId, action: "concern.list", record: `concern:${c.id}`, reason }] : [];
    }),
  );
  return { items: page.items.map(summary), ...(page.cursor && { cursor: page.cursor }) };
}
