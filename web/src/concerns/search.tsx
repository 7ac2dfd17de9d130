import { createSignal, Show } from "solid-js";
import { t } from "../i18n";
import "../strings/concerns";

/** A search of concerns by reference ("C-1042"), support, class or student; submitting sets it, clearing empties it. */
export function ConcernSearch(props: { id: string; onSearch: (q: string) => void }) {
  const [text, setText] = createSignal("");
  const [searched, setSearched] = createSignal("");
  const submit = (q: string) => {
    setSearched(q.trim());
    props.onSearch(q.trim());
  };
  return (
    <form
      role="search"
      class="filters concern-search"
      onSubmit={(e) => {
        e.preventDefault();
        submit(text());
      }}
    >
      <div class="field">
        <label for={props.id}>{t("searchConcerns")}</label>
        <input
          id={props.id}
          type="search"
          maxLength={80}
          value={text()}
          aria-describedby={`${props.id}-hint`}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <p class="hint" id={`${props.id}-hint`}>
          {t("searchConcernsHint")}
        </p>
      </div>
      <button type="submit">{t("searchButton")}</button>
      <Show when={searched()}>
        <button
          type="button"
          class="button-secondary"
          onClick={() => {
            setText("");
            submit("");
          }}
        >
          {t("clearSearch")}
        </button>
      </Show>
    </form>
  );
}
