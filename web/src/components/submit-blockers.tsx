import { For, Show } from "solid-js";
import { t } from "../i18n";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/support";
import type { FormDetail, SubmitBlocker } from "../fidelity/data";

/**
 * What still stops a saved draft from being submitted, as the server named it: the answers are kept
 * whatever they lack, and this says what to finish. Acknowledgment has its own box above the form.
 */
export function SubmitBlockers(props: { blockers: SubmitBlocker[]; plan: FormDetail["plan"] }) {
  const textOf = (itemId: string) => props.plan.accommodations.find((a) => a.id === itemId)?.text ?? itemId;
  const lines = () =>
    props.blockers.flatMap((b) => {
      if (b.code === "note_required") return [t("blockerNote", { item: textOf(b.itemId) })];
      if (b.code === "unanswered") return [t("blockerUnanswered", { item: textOf(b.itemId) })];
      if (b.code === "barrier_required") return [t("blockerBarrier", { item: textOf(b.itemId) })];
      if (b.code === "reason_required") return [t("blockerReason")];
      return [];
    });
  return (
    <Show when={lines().length > 0}>
      <section class="notice" aria-labelledby="blockers-title">
        <h2 id="blockers-title" class="notice-title">
          {t("blockersTitle")}
        </h2>
        <ul>
          <For each={lines()}>{(line) => <li>{line}</li>}</For>
        </ul>
      </section>
    </Show>
  );
}
