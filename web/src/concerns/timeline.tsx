import { For, Show } from "solid-js";
import { t, tCode, tNote } from "../i18n";
import { formatInZone } from "../format";
import { levelName, type ConcernView } from "./data";

type Event = ConcernView["timeline"][number];

function what(event: Event, timeZone: string): string {
  if (event.type === "assigned") {
    const level = levelName(event.level ?? "");
    if (!event.assignee) return t("event.assignedNobody", { level });
    if (!event.dueAt) return t("event.assignedNoDue", { name: event.assignee.name, level });
    return t("event.assigned", { name: event.assignee.name, level, due: formatInZone(event.dueAt, timeZone) });
  }
  const key = `event.${event.type}`;
  const known = t(key as "event.filed");
  return known === key ? event.type.replaceAll("_", " ") : known;
}

/** The concern's append-only history, oldest first, in the district's time. */
export function ConcernTimeline(props: { events: Event[]; timeZone: string }) {
  return (
    <ol class="timeline">
      <For each={props.events}>
        {(event) => (
          <li>
            <p class="timeline-when">
              <time datetime={event.at}>{formatInZone(event.at, props.timeZone)}</time>
              {" · "}
              {event.actor.kind === "user" ? event.actor.name : `${t("fidelio")} (${tCode("system", event.actor.reason)})`}
            </p>
            <p class="timeline-what">{what(event, props.timeZone)}</p>
            <Show when={event.note}>{(note) => <p class="muted">{tNote(note())}</p>}</Show>
            <Show when={event.text}>{(text) => <blockquote class="timeline-text">{text()}</blockquote>}</Show>
          </li>
        )}
      </For>
    </ol>
  );
}
