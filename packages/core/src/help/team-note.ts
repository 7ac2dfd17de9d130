import * as v from "valibot";
import { Access } from "../access";
import { Audit } from "../audit";
import { clock } from "../clock";
import { getItem, itemType, keys, putNew, TeamNoteItems, transact } from "../dynamo";
import { isConditionFailure, VisibleError } from "../error";
import { Week } from "../fidelity/schema";
import { Student } from "../student";
import { verb } from "../verb";
import { TeamNoteSave } from "./schema";

export interface TeamNote {
  studentId: string;
  week: string;
  text: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

const teamNoteItemType = itemType<TeamNote>(
  "team note",
  v.object({
    studentId: v.string(),
    week: v.string(),
    text: v.string(),
    version: v.number(),
    updatedAt: v.string(),
    updatedBy: v.string(),
    updatedByName: v.string(),
  }),
);

const Params = v.object({ studentId: v.pipe(v.string(), v.maxLength(64)), week: Week });

const empty = (studentId: string, week: string) => ({ studentId, week, text: "", version: 0, updatedAt: null, updatedBy: null, updatedByName: null });

/** The student's team: their teachers and case manager (403 for other roles, 404 for someone not on this student's team). */
async function onTeam(actor: Parameters<typeof Access.toStudent>[0], studentId: string) {
  const record = await Student.load(studentId);
  return Access.toStudent(actor, "team-note.write", record);
}

/** GET /api/team-notes/:studentId/:week: the shared note on the student's week (version 0 and no text: none yet). */
export const readTeamNote = verb(Params, async (actor, { studentId, week }) => {
  const grant = await onTeam(actor, studentId);
  const [note] = await Promise.all([
    getItem(teamNoteItemType, keys.teamNote(studentId, week), true),
    Audit.record(actor, { studentId, action: "team-note.read", record: `team-note:${week}`, reason: grant.reason }),
  ]);
  return note ?? empty(studentId, week);
});

/**
 * PUT /api/team-notes/:studentId/:week with `{ text, version }`: saves the note only at the version
 * its writer read (0: none yet), so a second tab or the other team member never overwrites it
 * unseen: 409 with the note as it now is. The note and its audit entry commit together.
 */
export const saveTeamNote = verb(v.object({ ...Params.entries, ...TeamNoteSave.entries }), async (actor, { studentId, week, text, version }) => {
  const grant = await onTeam(actor, studentId);
  const note: TeamNote = { studentId, week, text, version: version + 1, updatedAt: clock.iso(), updatedBy: actor.userId, updatedByName: actor.name };
  try {
    await transact([
      TeamNoteItems.save({ ...keys.teamNote(studentId, week), type: "team-note", ...note }, version),
      putNew(Audit.itemFor(actor, { studentId, action: "team-note.save", record: `team-note:${week}`, reason: grant.reason })),
    ]);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const current = await getItem(teamNoteItemType, keys.teamNote(studentId, week), true);
    throw new VisibleError(409, "conflict", "The team note was changed after you opened it.", { current: current ?? empty(studentId, week) });
  }
  return note;
});
