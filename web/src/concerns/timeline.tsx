import { For } from "solid-js";
import { describeEventWith } from "@fidelio/core/concern/describe-words";
import { lang, t, tCode, tCoded } from "../i18n";
import "../strings/concern-page";
import { formatInZone } from "../format";
import type { ConcernView } from "./data";
import { NoticeView } from "./notice-lazy";

type Event = ConcernView["timeline"][number];

/** The concern's append-only history, oldest first, in the district's time; every word from the shared catalog. */
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
            <p class="timeline-what">{describeEventWith(t, lang(), event, (due) => formatInZone(due, props.timeZone))}</p>
            <For each={event.notes}>{(note) => <p class="muted">{tCoded(note)}</p>}</For>
            {event.text ? <blockquote class="timeline-text">{event.text}</blockquote> : null}
            {event.notice ? (
              <NoticeView notice={event.notice} by={event.actor.kind === "user" ? event.actor.name : undefined} at={event.at} timeZone={props.timeZone} />
            ) : null}
          </li>
        )}
      </For>
    </ol>
  );
}
