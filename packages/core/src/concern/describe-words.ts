import type { Params } from "../messages/say";
import type { Language } from "../user/schema";
import { formatPlainDate } from "../words/time";
import { levels } from "./lifecycle";
import type { EscalationLevel, EventType } from "./schema";

/** The parts of a timeline event its one-line description reads. No AWS imports: the web uses it too. */
export interface DescribedEvent {
  type: EventType;
  level?: string;
  assignee?: { name: string };
  dueAt?: string;
  filedOn?: string;
}

/** The catalog codes a description is worded from (catalog-concern.ts: `eventTexts`, `levelTexts`). */
export type DescribeCode =
  | `event.${EventType}`
  | "event.assignedNoDue"
  | "event.assignedNobody"
  | "event.stateComplaintFiledOn"
  | `levelName.${EscalationLevel}`;

/** Words one code in the description's language, its `{name}` parameters filled in. */
export type SayDescribed = (code: DescribeCode, params?: Params) => string;

/**
 * What happened, in `lang`, worded by `say`: the one rule behind the concern's page, its emails and its
 * packet (describe.ts binds it to the catalog; the web's timeline to the words it loaded in the reader's
 * language, so the page does not carry both languages of the catalog). `formatDue` writes the deadline.
 */
export function describeEventWith(say: SayDescribed, lang: Language, event: DescribedEvent, formatDue: (iso: string) => string): string {
  if (event.type === "state_complaint_recorded" && event.filedOn) return say("event.stateComplaintFiledOn", { date: formatPlainDate(lang, event.filedOn) });
  if (event.type !== "assigned") return say(`event.${event.type}`);
  const level = event.level && (levels as readonly string[]).includes(event.level) ? say(`levelName.${event.level as EscalationLevel}`) : "";
  if (!event.assignee) return say("event.assignedNobody", { level });
  if (!event.dueAt) return say("event.assignedNoDue", { name: event.assignee.name, level });
  return say("event.assigned", { name: event.assignee.name, level, due: formatDue(event.dueAt) });
}
