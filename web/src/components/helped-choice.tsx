import { For } from "solid-js";
import { t, type StringKey } from "../i18n";
import "../strings/review";
import { helpedAnswers, type Helped } from "@fidelio/core/fidelity/answers";

/**
 * "Did it help?" under a support provided in full: optional, one compact select so a class's grid
 * stays short (an empty choice is "not said").
 */
export function HelpedChoice(props: { id: string; value?: Helped; disabled?: boolean; onChange: (value: Helped | undefined) => void }) {
  return (
    <div class="field helped">
      <label for={props.id}>{t("review.helpedQuestion")}</label>
      <select
        id={props.id}
        value={props.value ?? ""}
        disabled={props.disabled}
        onChange={(event) => props.onChange((event.currentTarget.value || undefined) as Helped | undefined)}
      >
        <option value="">{t("review.helpedUnsaid")}</option>
        <For each={helpedAnswers}>{(answer) => <option value={answer}>{t(`helped.${answer}` as StringKey)}</option>}</For>
      </select>
    </div>
  );
}
