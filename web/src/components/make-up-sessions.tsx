import { For, Index, Show, type JSX } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { t } from "../i18n";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/compensatory";
import { formatDate, formatDatePart } from "../format";
import type { FormDetail } from "../fidelity/data";
import { newMakeUp, type FormDraft } from "../fidelity/form-draft";

const weekday = (isoDate: string) => formatDatePart(isoDate, { weekday: "long" });

/** What the API said is wrong with a make-up row: by service, row of the draft, and field. */
export type MakeUpErrors = Record<string, string>;
export const makeUpErrorKey = (serviceId: string, row: number, field: string) => `${serviceId}:${row}:${field}`;

/**
 * A service's make-up sessions on the weekly form: only under a service the staff member has a make-up
 * plan for. Each row names the plan, the day and the minutes; rows are added and removed from the
 * keyboard (focus goes to the new row, and back to "Add" after a removal). The API's problems show
 * beside the field they concern.
 */
export function MakeUpSessions(props: {
  form: FormDetail;
  service: { id: string; name: string };
  prefix: string;
  draft: FormDraft;
  setDraft: SetStoreFunction<FormDraft>;
  onChange: () => void;
  errors: MakeUpErrors;
}) {
  const plans = () => props.form.makeUpPlans.filter((p) => p.serviceId === props.service.id);
  const rows = () => props.draft.makeUp?.[props.service.id] ?? [];
  const change = (fn: () => void) => {
    fn();
    props.onChange();
  };
  const add = () => {
    change(() => props.setDraft("makeUp", props.service.id, (list) => [...(list ?? []), newMakeUp(props.form.days, plans()[0]!.id)]));
    document.getElementById(`${props.prefix}-mu-${rows().length - 1}-plan`)?.focus();
  };
  const remove = (i: number) => {
    change(() => props.setDraft("makeUp", props.service.id, (list) => list.filter((_, j) => j !== i)));
    document.getElementById(`${props.prefix}-mu-add`)?.focus();
  };
  const error = (i: number, field: string) => props.errors[makeUpErrorKey(props.service.id, i, field)];
  return (
    <Show when={plans().length > 0}>
      <div class="make-up-sessions" role="group" aria-labelledby={`${props.prefix}-mu-title`}>
        <h3 id={`${props.prefix}-mu-title`}>{t("makeUpSessions")}</h3>
        <p class="hint">{t("makeUpSessionsHint")}</p>
        <Show when={rows().length > 0} fallback={<p class="empty">{t("makeUpNoSessions")}</p>}>
          <ol class="sessions">
            <Index each={rows()}>
              {(row, i) => {
                const id = `${props.prefix}-mu-${i}`;
                const field = (name: "planId" | "date" | "minutes", label: string, control: (describedBy: () => string | undefined) => JSX.Element) => (
                  <div class={`field${name === "planId" ? " grow" : name === "minutes" ? " short" : ""}`}>
                    <label for={`${id}-${name === "planId" ? "plan" : name}`}>{label}</label>
                    {control(() => (error(i, name) ? `${id}-${name}-error` : undefined))}
                    <Show when={error(i, name)}>
                      <p class="field-error" id={`${id}-${name}-error`}>
                        {error(i, name)}
                      </p>
                    </Show>
                  </div>
                );
                return (
                  <li class="session" aria-label={`${t("makeUpSessionRow", { n: i + 1 })}: ${props.service.name}`}>
                    {field("planId", t("makeUpSessionPlan"), (describedBy) => (
                      <select
                        id={`${id}-plan`}
                        value={row().planId}
                        aria-invalid={!!error(i, "planId")}
                        aria-describedby={describedBy()}
                        onChange={(e) => change(() => props.setDraft("makeUp", props.service.id, i, "planId", e.currentTarget.value))}
                      >
                        <For each={plans()}>
                          {(plan) => (
                            <option value={plan.id}>{t("makeUpPlanOption", { minutes: plan.minutes, date: formatDate(plan.dueOn), plan: plan.plan })}</option>
                          )}
                        </For>
                      </select>
                    ))}
                    {field("date", t("sessionDay"), (describedBy) => (
                      <select
                        id={`${id}-date`}
                        value={row().date}
                        aria-invalid={!!error(i, "date")}
                        aria-describedby={describedBy()}
                        onChange={(e) => change(() => props.setDraft("makeUp", props.service.id, i, "date", e.currentTarget.value))}
                      >
                        <For each={props.form.days}>{(day) => <option value={day}>{`${weekday(day)}, ${formatDate(day)}`}</option>}</For>
                      </select>
                    ))}
                    {field("minutes", t("minutes"), (describedBy) => (
                      <input
                        id={`${id}-minutes`}
                        type="number"
                        inputmode="numeric"
                        min="1"
                        max="600"
                        step="1"
                        value={row().minutes}
                        aria-invalid={!!error(i, "minutes")}
                        aria-describedby={describedBy()}
                        onInput={(e) => change(() => props.setDraft("makeUp", props.service.id, i, "minutes", e.currentTarget.value))}
                      />
                    ))}
                    <button
                      type="button"
                      class="button-quiet"
                      aria-label={`${t("makeUpRemoveSession")} (${i + 1}): ${props.service.name}`}
                      onClick={() => remove(i)}
                    >
                      {t("removeShort")}
                    </button>
                  </li>
                );
              }}
            </Index>
          </ol>
        </Show>
        <button
          type="button"
          id={`${props.prefix}-mu-add`}
          class="button-secondary"
          aria-label={`${t("makeUpAddSession")}: ${props.service.name}`}
          onClick={add}
        >
          {t("makeUpAddSession")}
        </button>
      </div>
    </Show>
  );
}
