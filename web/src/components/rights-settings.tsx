import { For } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { clockKinds, clockRules, type ClockKind, type ClockOverrides } from "@fidelio/core/rights/clocks";
import type { FieldErrors } from "../api";
import { t } from "../i18n";
import "../strings/rights-settings";
import { Field, FieldFrame } from "./field";
import { TextAreaField } from "./text-area-field";

type Unit = "days" | "years";
export interface RightsDraft {
  safeguards: string;
  clocks: Record<ClockKind, { amount: string; unit: Unit; citation: string }>;
}

/** The settings' rights fields as the form edits them (strings), from the district as the API gives it. */
export const rightsDraftOf = (d: { noticeSafeguards?: string; rightsClocks?: ClockOverrides }): RightsDraft => ({
  safeguards: d.noticeSafeguards ?? "",
  clocks: Object.fromEntries(
    clockKinds.map((kind) => {
      const own = d.rightsClocks?.[kind];
      return [kind, { amount: own ? String(own.amount) : "", unit: own?.unit ?? clockRules[kind].period.unit, citation: own?.citation ?? "" }];
    }),
  ) as RightsDraft["clocks"],
});

/**
 * What the API takes: the statement ("" returns to the federal one) and an override for each clock
 * with anything filled in. A row half filled is sent as it is, so the schema names what it lacks.
 */
export const rightsPayloadOf = (draft: RightsDraft) => ({
  noticeSafeguards: draft.safeguards.trim(),
  rightsClocks: Object.fromEntries(
    clockKinds
      .filter((kind) => draft.clocks[kind].amount.trim() || draft.clocks[kind].citation.trim())
      .map((kind) => {
        const row = draft.clocks[kind];
        return [kind, { amount: row.amount.trim() === "" ? 0 : Number(row.amount), unit: row.unit, citation: row.citation }];
      }),
  ) as ClockOverrides,
});

/** The paths these fields report errors on (shown beside each field, not in the summary). */
export const rightsPaths = ["noticeSafeguards", ...clockKinds.flatMap((kind) => ["amount", "unit", "citation"].map((f) => `rightsClocks.${kind}.${f}`))];

/** The district's safeguards statement and its state's legal periods, each with the federal rule it replaces. */
export function RightsSettings(props: { draft: RightsDraft; setDraft: SetStoreFunction<RightsDraft>; errors: FieldErrors }) {
  return (
    <fieldset class="rights-settings">
      <legend>{t("rightsSettingsLegend")}</legend>
      <TextAreaField
        label={t("safeguardsLabel")}
        hint={t("safeguardsHint")}
        path="noticeSafeguards"
        maxLength={4000}
        errors={props.errors}
        value={props.draft.safeguards}
        onValue={(value) => props.setDraft("safeguards", value)}
      />
      <fieldset>
        <legend>{t("clocksOverrideLegend")}</legend>
        <p class="hint">{t("clocksOverrideHint")}</p>
        <For each={clockKinds}>
          {(kind) => (
            <fieldset class="clock-override">
              <legend>{t(`clockName.${kind}`)}</legend>
              <p class="hint">
                {t("clockFederal", {
                  period: `${clockRules[kind].period.amount} ${t(`clockUnit.${clockRules[kind].period.unit}`)}`,
                  citation: clockRules[kind].citation,
                })}
              </p>
              <div class="field-row">
                <Field
                  label={t("clockAmount")}
                  path={`rightsClocks.${kind}.amount`}
                  errors={props.errors}
                  value={props.draft.clocks[kind].amount}
                  onValue={(value) => props.setDraft("clocks", kind, "amount", value)}
                  type="number"
                  inputmode="numeric"
                  min={1}
                  max={3650}
                  step="1"
                  class="short"
                />
                <FieldFrame id={`field-rightsClocks-${kind}-unit`} label={t("clockUnit")} messages={props.errors[`rightsClocks.${kind}.unit`] ?? []}>
                  {(control) => (
                    <select
                      id={control.id()}
                      aria-invalid={control.invalid() || undefined}
                      aria-describedby={control.describedBy()}
                      value={props.draft.clocks[kind].unit}
                      onChange={(e) => props.setDraft("clocks", kind, "unit", e.currentTarget.value as Unit)}
                    >
                      <option value="days">{t("clockUnit.days")}</option>
                      <option value="years">{t("clockUnit.years")}</option>
                    </select>
                  )}
                </FieldFrame>
                <Field
                  label={t("clockCitation")}
                  path={`rightsClocks.${kind}.citation`}
                  errors={props.errors}
                  value={props.draft.clocks[kind].citation}
                  onValue={(value) => props.setDraft("clocks", kind, "citation", value)}
                  maxLength={120}
                />
              </div>
            </fieldset>
          )}
        </For>
      </fieldset>
    </fieldset>
  );
}
