import { For, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { FieldErrors } from "../api";
import { t } from "../i18n";
import "../strings/staff";
import { Field, fieldId } from "./field";

export interface ClosureDraft {
  name: string;
  from: string;
  to: string;
}

interface Props {
  closures: ClosureDraft[];
  setClosures: SetStoreFunction<ClosureDraft[]>;
  errors: FieldErrors;
  /** Rows moved: errors reported by row number no longer point at the right row. */
  onRowsChange: () => void;
}

/** The district's closures: one small fieldset each, added and removed in place. */
export function ClosuresEditor(props: Props) {
  const add = () => {
    const index = props.closures.length;
    props.onRowsChange();
    props.setClosures(index, { name: "", from: "", to: "" });
    document.getElementById(fieldId(`calendar.closures.${index}.name`))?.focus();
  };
  const remove = (index: number) => {
    props.onRowsChange();
    props.setClosures((list) => list.filter((_, i) => i !== index));
    document.getElementById("add-closure")?.focus();
  };
  return (
    <fieldset>
      <legend>{t("closuresTitle")}</legend>
      <Show when={props.closures.length === 0}>
        <p class="empty">{t("noClosures")}</p>
      </Show>
      <ol class="closures">
        <For each={props.closures}>
          {(closure, index) => {
            const path = (key: keyof ClosureDraft) => `calendar.closures.${index()}.${key}`;
            return (
              <li>
                <fieldset class="closure">
                  <legend>{t("closureLegend", { n: index() + 1 })}</legend>
                  <Field
                    label={t("closureName")}
                    multiline
                    maxLength={80}
                    path={path("name")}
                    errors={props.errors}
                    value={closure.name}
                    onValue={(v) => props.setClosures(index(), "name", v)}
                    class="grow"
                  />
                  <Field
                    label={t("closureFrom")}
                    type="date"
                    path={path("from")}
                    errors={props.errors}
                    value={closure.from}
                    onValue={(v) => props.setClosures(index(), "from", v)}
                  />
                  <Field
                    label={t("closureTo")}
                    type="date"
                    path={path("to")}
                    errors={props.errors}
                    value={closure.to}
                    onValue={(v) => props.setClosures(index(), "to", v)}
                  />
                  <button type="button" class="button-secondary" onClick={() => remove(index())}>
                    {t("removeClosure", { n: index() + 1 })}
                  </button>
                </fieldset>
              </li>
            );
          }}
        </For>
      </ol>
      <button type="button" id="add-closure" class="button-secondary" onClick={add}>
        {t("addClosure")}
      </button>
    </fieldset>
  );
}
