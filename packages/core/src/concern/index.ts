import { verb } from "../verb";
import { keys, queryAll } from "../dynamo";
import { actOnConcern } from "./act";
import { fileConcern } from "./file";
import { listConcerns } from "./list";
import { ConcernRef, ListConcerns, PacketQuery } from "./schema";
import { loadVisible, getConcern } from "./view";
import { verifyChain } from "./timeline";
import { openConcernItem } from "./items";
import { BoardQuery, escalationBoard } from "./board";
import { evidencePacket } from "./packet";
import { waitingOn } from "./waiting";
import * as v from "valibot";

export * from "./schema";
export { BoardQuery } from "./board";
export * from "./naming";
export { waitingKinds, type WaitingKind } from "./waiting";
export { concernSteps, concernStepsAt } from "./steps";
export { verifyChain, type TimelineEvent } from "./timeline";

/** Implementation concerns: a parent's report that a promised support is not happening, and its climb up the ladder. */
export namespace Concern {
  export const file = fileConcern;
  export const act = actOnConcern;
  export const get = verb(ConcernRef, (actor, { id }) => getConcern(actor, id));
  export const list = verb(ListConcerns, listConcerns);
  /** The evidence packet as printable HTML and its stylesheet's hash for the CSP (GET /api/concerns/:id/packet?lang=). */
  export const packet = verb(PacketQuery, (actor, { id, lang, form, address }) =>
    evidencePacket(actor, id, lang, form === "state-complaint" ? { address } : undefined),
  );
  /** The director's escalation board (GET /api/reports/escalations). */
  export const board = verb(BoardQuery, escalationBoard);
  /** What is waiting on the reader, for their home page (GET /api/concerns/waiting). */
  export const waiting = verb(v.object({}), (actor) => waitingOn(actor));

  /** Recomputes the timeline's hash chain. */
  export const verify = verb(ConcernRef, async (actor, { id }) => {
    const { concern, events } = await loadVisible(actor, id);
    return { ...verifyChain(events, concern.head), head: concern.head.hash, events: events.length };
  });

  /** Every open concern's id: what the local runner resumes after a restart. */
  export async function openIds(): Promise<string[]> {
    return (await queryAll(openConcernItem, keys.openConcerns())).map((item) => item.sk);
  }
}
