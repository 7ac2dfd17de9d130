import { For, Show, type Resource } from "solid-js";
import type { WithoutEmail } from "@fidelio/core/roster";
import { t, tCode } from "../i18n";

/**
 * The district's people the roster gave no email: imported with their students and duties, and unable
 * to sign in until an email arrives (an import that gives one). Shown only when there are any.
 */
export function RosterWithoutEmail(props: { people: Resource<{ items: WithoutEmail[] }> }) {
  // A list that failed to load is left out: it adds to the page, and the page works without it.
  const items = () => (props.people.state === "ready" || props.people.state === "refreshing" ? (props.people()?.items ?? []) : []);
  return (
    <Show when={items().length > 0}>
      <section aria-labelledby="roster-no-email" class="stack">
        <h3 id="roster-no-email">{t("rosterNoEmailTitle")}</h3>
        <p id="roster-no-email-intro">{t("rosterNoEmailIntro")}</p>
        <ul aria-describedby="roster-no-email-intro">
          <For each={items()}>{(person) => <li>{`${person.name} — ${person.roles.map((role) => tCode("role", role)).join(", ")}`}</li>}</For>
        </ul>
      </section>
    </Show>
  );
}
