import { actOnHelpRequest } from "./act";
import { listHelpRequests } from "./list";
import { readTeamNote, saveTeamNote } from "./team-note";

export * from "./schema";
export { helpAsked, newlyAsked, type Asked } from "./triggers";
export { openHelpRequest, helpOpening, caseManagerOf, helpDue } from "./open";
export { helpCounts, pastDueRequests } from "./counts";
export type { TeamNote } from "./team-note";

/**
 * Help when a teacher is stuck: a miss whose barrier a case manager can remove, an explicit "I need
 * help with this", or a support missed two weeks running opens a request to the student's case
 * manager, due in school days; the case manager answers it and the teacher hears back. See
 * docs/implementation-support.md.
 */
export namespace HelpRequests {
  export const list = listHelpRequests;
  export const act = actOnHelpRequest;
}

/** The shared note on a student's week, between the student's teachers and case manager. */
export namespace TeamNotes {
  export const read = readTeamNote;
  export const save = saveTeamNote;
}
