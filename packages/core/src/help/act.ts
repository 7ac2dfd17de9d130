import * as v from "valibot";
import { Access } from "../access";
import { Audit } from "../audit";
import { clock } from "../clock";
import { District } from "../district";
import { getItem, HelpRequestItems, keys, putNew, transact, type TransactOp } from "../dynamo";
import { isConditionFailure, notFound, VisibleError, forbidden } from "../error";
import { districtToday } from "../fidelity/form";
import { isIdOf } from "../id";
import { Outbox } from "../outbox";
import { Student } from "../student";
import { User } from "../user";
import { verb } from "../verb";
import { helpCommentEmail, helpResolvedEmail } from "./emails";
import { helpRequestItemType } from "./items";
import { shownRequest } from "./list";
import { HelpAction, type HelpRequest } from "./schema";

const stale = async (id: string) => {
  const current = await getItem(helpRequestItemType, keys.helpRequest(id), true);
  return new VisibleError(409, "conflict", "This help request was changed after you opened it; reload it and try again.", {
    version: current?.version,
    status: current?.status,
  });
};

/**
 * POST /api/help-requests/:id/actions. `resolve`: the case manager answers with what they did; the
 * request closes and the teacher is emailed the answer in their language. `comment`: either side adds
 * a note while it is open, and the other side is emailed it in their language. Who may do which: access/help.ts (anyone else: 404; a teacher resolving:
 * 403). A stale `version` is 409 and changes nothing; so is acting on a request already answered.
 */
export const actOnHelpRequest = verb(
  v.object({ id: v.pipe(v.string(), v.maxLength(64)), ...HelpAction.entries }),
  async (actor, { id, action, text, version }) => {
    if (!Access.may(actor, "help.list")) throw notFound("Help request");
    const request = isIdOf("hlp", id) ? await getItem(helpRequestItemType, keys.helpRequest(id), true) : undefined;
    const record = request && (await Student.load(request.studentId));
    const access = request && record && Access.helpAccess(actor, request, Access.tiesTo(actor, record));
    if (!request || !access) throw notFound("Help request");
    if (!access.actions.includes(action)) throw forbidden();
    if (request.version !== version) throw await stale(id);
    if (request.status !== "open") throw new VisibleError(409, "help_resolved", "This help request is already answered.");
    const note = { by: actor.userId, byName: actor.name, at: clock.iso(), text };
    const next: HelpRequest =
      action === "resolve"
        ? { ...request, status: "resolved", resolution: note, version: version + 1 }
        : { ...request, comments: [...request.comments, note], version: version + 1 };
    const item = next as HelpRequest & Record<string, unknown>;
    const ops: TransactOp[] = [
      ...(action === "resolve" ? HelpRequestItems.resolve(item, version) : [HelpRequestItems.save(item, version)]),
      putNew(Audit.itemFor(actor, { studentId: request.studentId, action: `help.${action}`, record: `help:${id}`, reason: access.reason })),
    ];
    // The other side hears of it, through the outbox in the same transaction (sent once): the teacher
    // of an answer or of the case manager's comment, the case manager of the teacher's comment.
    const to = await User.get(action === "comment" && actor.userId === request.teacherId ? request.caseManagerId : request.teacherId);
    if (to && to.id !== actor.userId && User.canSignIn(to)) {
      ops.push(Outbox.email(action === "resolve" ? helpResolvedEmail(to, { ...next, resolution: note }) : helpCommentEmail(to, next, note)));
    }
    try {
      await transact(ops);
    } catch (error) {
      if (isConditionFailure(error)) throw await stale(id);
      throw error;
    }
    const district = await District.load(actor.districtId);
    return shownRequest(next, access.actions, district ? districtToday(district) : note.at.slice(0, 10));
  },
);
