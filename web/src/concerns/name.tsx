import { A } from "../router";
import { Show } from "solid-js";
import { t } from "../i18n";
import "../strings/concern-links";

export type Named = { id: string; studentName: string; subject: string; reference: string | null };

/**
 * "C-1042 Extended time · Grade 3 (Room 12)" as a link to the concern (the long id stays in the URL):
 * on the home page's waiting list, the concern tables and the director's board. A module of its own, so
 * the home page does not load the tables.
 */
export function ConcernName(props: { concern: Named }) {
  return (
    <A href={`/concerns/${props.concern.id}`} class="concern-name">
      <Show when={props.concern.reference}>
        <span class="concern-ref">{props.concern.reference}</span>{" "}
      </Show>
      {props.concern.subject || t("concernFor", { name: props.concern.studentName })}
    </A>
  );
}
