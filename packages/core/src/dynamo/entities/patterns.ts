import type { TransactUpdate } from "../client";

/**
 * The counts patterns are found from (patterns/counts.ts), each an update in the transaction of the
 * form or concern that changes it, so a count never drifts from what was written.
 */
export namespace PatternCountItems {
  type Key = { pk: string; sk: string };

  /** A form's "not provided" answer for a support in a class: one member per student and form. */
  export const addMiss = (key: Key, member: string, fields: { classId: string; className: string; itemText: string }): TransactUpdate => ({
    update: key,
    expression: "ADD #forms :m SET #class = :class, #className = :className, #text = :text",
    names: { "#forms": "forms", "#class": "classId", "#className": "className", "#text": "itemText" },
    values: { ":m": new Set([member]), ":class": fields.classId, ":className": fields.className, ":text": fields.itemText },
  });

  /** A correction took back a "not provided": the member leaves the set. */
  export const removeMiss = (key: Key, member: string): TransactUpdate => ({
    update: key,
    expression: "DELETE #forms :m",
    names: { "#forms": "forms" },
    values: { ":m": new Set([member]) },
  });

  /** A form submitted by a staff member in a week. */
  export const addSubmitted = (key: Key, formId: string, staffId: string): TransactUpdate => ({
    update: key,
    expression: "ADD #forms :m SET #staff = :staff",
    names: { "#forms": "forms", "#staff": "staffId" },
    values: { ":m": new Set([formId]), ":staff": staffId },
  });

  /** Required and delivered service minutes a provider's submitted forms add (a correction adds the difference). */
  export const addMinutes = (key: Key, formId: string, staffId: string, required: number, delivered: number): TransactUpdate => ({
    update: key,
    expression: "ADD #req :req, #del :del, #forms :m SET #staff = :staff",
    names: { "#req": "required", "#del": "delivered", "#forms": "forms", "#staff": "staffId" },
    values: { ":req": required, ":del": delivered, ":m": new Set([formId]), ":staff": staffId },
  });
}
