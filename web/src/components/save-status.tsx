import { Match, Switch } from "solid-js";
import { t } from "../i18n";
import "../strings/fidelity";
import "../strings/fidelity-view";
import type { SaveState } from "../fidelity/autosave";

/** The autosave's state, always visible and announced politely: Saving…, Saved, or Not saved with a way to retry. */
export function SaveStatus(props: { state: SaveState; failure: string; blocked: string; onRetry: () => void; hidden?: boolean }) {
  return (
    <div class={`save-status state-${props.state}`} hidden={props.hidden}>
      <p role="status" aria-live="polite">
        <Switch>
          <Match when={props.state === "saving" || props.state === "pending"}>{t("savingState")}</Match>
          <Match when={props.state === "saved"}>{t("saved")}</Match>
          <Match when={props.state === "blocked"}>{`${t("notSaved")}: ${props.blocked}`}</Match>
          <Match when={props.state === "failed"}>{`${t("notSaved")}: ${props.failure}`}</Match>
          <Match when={props.state === "stale"}>{t("notSaved")}</Match>
        </Switch>
      </p>
      <Switch>
        <Match when={props.state === "failed"}>
          <button type="button" class="button-secondary" onClick={() => props.onRetry()}>
            {t("retrySave")}
          </button>
        </Match>
      </Switch>
    </div>
  );
}
