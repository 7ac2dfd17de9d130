import { Show } from "solid-js";
import { t } from "../i18n";
import "../strings/help";

/**
 * "I need help with this" on one support: a plain checkbox under its answer, off the common path (no
 * step is added when it stays unticked). Ticked, submitting the form asks the student's case manager
 * for help with this support (`needsHelp` on the answer; help/triggers.ts).
 */
export function NeedHelp(props: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="need-help">
      <label class="check">
        <input
          type="checkbox"
          id={props.id}
          checked={props.checked}
          aria-describedby={props.checked ? `${props.id}-hint` : undefined}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        <span>{t("help.needed")}</span>
      </label>
      <Show when={props.checked}>
        <p class="hint" id={`${props.id}-hint`}>
          {t("help.neededHint")}
        </p>
      </Show>
    </div>
  );
}
