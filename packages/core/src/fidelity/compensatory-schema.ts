import * as v from "valibot";
import { IsoDate } from "../iep/schema";

/**
 * A make-up (compensatory) plan as the case manager records it from a service's owed balance. No AWS
 * imports: the web's form uses the same rules. The checks that need the record (the balance, the
 * provider on the team, a due day not past in the district's zone) are in compensatory.ts.
 */
export const CompensatoryInput = v.object({
  serviceId: v.pipe(v.string("Choose the service"), v.nonEmpty("Choose the service"), v.maxLength(64)),
  minutes: v.pipe(
    v.number("Minutes as a whole number"),
    v.integer("Whole minutes"),
    v.minValue(1, "At least 1 minute"),
    v.maxValue(100_000, "At most 100000 minutes"),
  ),
  plan: v.pipe(
    v.string("Say how the minutes will be made up"),
    v.trim(),
    v.nonEmpty("Say how the minutes will be made up"),
    v.maxLength(1000, "At most 1000 characters"),
  ),
  provider: v.pipe(v.string("Choose who will give the sessions"), v.nonEmpty("Choose who will give the sessions"), v.maxLength(64)),
  dueOn: IsoDate,
});
export type CompensatoryInput = v.InferOutput<typeof CompensatoryInput>;

/** A plan as the API shows it: what was planned, what make-up sessions have delivered, and what remains. */
export interface CompensatoryPlanView {
  id: string;
  serviceId: string;
  serviceName: string;
  minutes: number;
  plan: string;
  provider: { id: string; name: string };
  dueOn: string;
  createdOn: string;
  createdBy: { id: string; name: string };
  delivered: number;
  remaining: number;
  /** Past its due day with minutes left. */
  overdue: boolean;
}
