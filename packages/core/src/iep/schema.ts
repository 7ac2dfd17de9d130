import * as v from "valibot";
import { codedCheck } from "../problem";

/** The IEP snapshot shapes; no AWS imports, so web forms can reuse them. */
const text = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(max, `At most ${max} characters`));
const itemId = v.pipe(v.string(), v.trim(), v.nonEmpty("Required"), v.maxLength(64));

const classIds = v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(50)));

/** `classIds`: the classes where it applies; absent means every class the student takes. */
export const Accommodation = v.object({ id: itemId, text: text(300), classIds });
export const Modification = v.object({ id: itemId, text: text(300) });
export const Service = v.object({
  id: itemId,
  name: text(120),
  minutesPerWeek: v.pipe(v.number(), v.integer("Whole minutes"), v.minValue(1, "At least 1 minute"), v.maxValue(3000, "At most 3000 minutes a week")),
  providerRole: text(80),
  /** The staff member who delivers it, where known; otherwise the student's case manager accounts for it. */
  providerId: v.optional(v.pipe(v.string(), v.maxLength(64))),
});
export const Goal = v.object({ id: itemId, area: text(80), text: text(600) });

/** A calendar day that exists: `2026-02-30`, month 13 or day 00 do not. Never throws, whatever the string. */
export function isRealDate(s: string): boolean {
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

export const IsoDate = v.pipe(
  v.string(),
  v.isoDate("A date as YYYY-MM-DD"),
  // isoDate checks the shape only and takes 2025-02-30. valibot runs this check even after isoDate
  // failed, so it judges only what has isoDate's shape (a value of the wrong shape already has its
  // message, and gets no second one) and never throws (9999-99-99 is no Date at all).
  codedCheck((s: string) => !v.ISO_DATE_REGEX.test(s) || isRealDate(s), "invalid_date", "Not a real date"),
);

export const IepContent = v.object({
  effectiveFrom: IsoDate,
  accommodations: v.array(Accommodation),
  modifications: v.array(Modification),
  services: v.array(Service),
  goals: v.array(Goal),
});
export type IepContent = v.InferOutput<typeof IepContent>;

const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(100, "At most 100 items"));

/** PUT /api/students/:id/iep: a new version, made against the latest version the editor read (0: none yet). */
export const IepUpdate = v.object({
  effectiveFrom: IsoDate,
  accommodations: list(Accommodation),
  modifications: list(Modification),
  services: list(Service),
  goals: list(Goal),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type IepUpdate = v.InferOutput<typeof IepUpdate>;

export const IepAcknowledgeInput = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)) });

/** A team member's acknowledgment of what they must provide under one IEP version (34 CFR 300.323(d)). */
export interface IepAcknowledgment {
  studentId: string;
  userId: string;
  version: number;
  at: string;
}

export interface IepVersion extends IepContent {
  studentId: string;
  version: number;
  createdAt: string;
  createdBy: string;
}
