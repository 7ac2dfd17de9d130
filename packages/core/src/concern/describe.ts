import { eventTexts, levelTexts } from "../messages/catalog-concern";
import { sayFrom } from "../messages/say";
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

// Only the sections it words: the web's timeline bundles this module.
const say = sayFrom({ ...levelTexts, ...eventTexts });

const levelName = (lang: Language, level: string | undefined) =>
  level && (levels as readonly string[]).includes(level) ? say(lang, `levelName.${level as EscalationLevel}`) : "";

/** What happened, in `lang`: the same words on the concern's page, in its emails and in its packet. `formatDue` writes the deadline. */
export function describeEvent(lang: Language, event: DescribedEvent, formatDue: (iso: string) => string): string {
  if (event.type === "state_complaint_recorded" && event.filedOn)
    return say(lang, "event.stateComplaintFiledOn", { date: formatPlainDate(lang, event.filedOn) });
  if (event.type !== "assigned") return say(lang, `event.${event.type}`);
  const level = levelName(lang, event.level);
  if (!event.assignee) return say(lang, "event.assignedNobody", { level });
  if (!event.dueAt) return say(lang, "event.assignedNoDue", { name: event.assignee.name, level });
  return say(lang, "event.assigned", { name: event.assignee.name, level, due: formatDue(event.dueAt) });
}
