import * as v from "valibot";
import { itemType } from "../dynamo";
import { helpStatuses, helpTriggers, type HelpRequest } from "./schema";

const Note = v.object({ by: v.string(), byName: v.string(), at: v.string(), text: v.string() });

/** A stored help request, read back. */
export const helpRequestItemType = itemType<HelpRequest>(
  "help request",
  v.object({
    id: v.string(),
    districtId: v.string(),
    schoolId: v.string(),
    studentId: v.string(),
    studentName: v.string(),
    itemId: v.string(),
    itemText: v.string(),
    trigger: v.picklist(helpTriggers),
    note: v.optional(v.string()),
    formId: v.string(),
    week: v.string(),
    teacherId: v.string(),
    teacherName: v.string(),
    caseManagerId: v.string(),
    caseManagerName: v.string(),
    status: v.picklist(helpStatuses),
    createdAt: v.string(),
    dueAt: v.string(),
    dueOn: v.string(),
    version: v.number(),
    comments: v.array(Note),
    resolution: v.optional(Note),
  }),
);

/** A list link: which request, for whose student. */
export const helpLinkItemType = itemType("help request link", v.object({ requestId: v.string(), studentId: v.string() }));

/** An open request's entry by due day. */
export const helpDueItemType = itemType(
  "help request due",
  v.object({ requestId: v.string(), studentId: v.string(), schoolId: v.string(), dueOn: v.string() }),
);

/** A school's help request counts. */
export const helpStatsItemType = itemType(
  "help request counts",
  v.object({ schoolId: v.string(), open: v.optional(v.number()), resolved: v.optional(v.number()) }),
);
