import { For, Index, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { t, type StringKey } from "../i18n";
import "../strings/pages";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/support";
import { formatDate, formatDatePart } from "../format";
import { accommodationStatuses, barrierReasons, isMiss, missedReasons } from "@fidelio/core/fidelity/answers";
import type { FormDetail } from "../fidelity/data";
import { minutesGiven, needsNote, newSession, type FormDraft } from "../fidelity/form-draft";
import { HelpedChoice } from "./helped-choice";
import { NeedHelp } from "../help/need-help";
import { MakeUpSessions, type MakeUpErrors } from "./make-up-sessions";

const weekday = (isoDate: string) => formatDatePart(isoDate, { weekday: "long" });

interface Props {
  form: FormDetail;
  draft: FormDraft;
  setDraft: SetStoreFunction<FormDraft>;
  onChange: () => void;
  /** Show the note-needed messages (after a save was held back for them). */
  showProblems: boolean;
  /** What the API said is wrong with make-up rows (make-up-sessions.tsx). */
  makeUpErrors?: MakeUpErrors;
}

/** One fieldset per accommodation: four big choices, and a note (required for "not applicable"). */
export function AccommodationAnswers(props: Props) {
  return (
    <For each={props.form.plan.accommodations}>
      {(item, index) => {
        const answer = () => props.draft.accommodations[item.id] ?? { status: undefined, note: "", reason: undefined };
        const id = `acc-${index()}`;
        const missing = () => needsNote(answer()) && props.showProblems;
        return (
          <fieldset class="answer">
            <legend>{item.text}</legend>
            <div class="choices">
              <For each={accommodationStatuses}>
                {(status) => (
                  <label class="choice">
                    <input
                      type="radio"
                      name={id}
                      value={status}
                      checked={answer().status === status}
                      onChange={() => {
                        props.setDraft("accommodations", item.id, {
                          status,
                          note: answer().note,
                          reason: isMiss(status) ? answer().reason : undefined,
                          helped: status === "provided" ? answer().helped : undefined,
                          needsHelp: answer().needsHelp,
                        });
                        props.onChange();
                      }}
                    />
                    <span>{t(`acc.${status}` as StringKey)}</span>
                  </label>
                )}
              </For>
            </div>
            <Show when={answer().status === "provided"}>
              <HelpedChoice
                id={`${id}-helped`}
                value={answer().helped}
                onChange={(helped) => {
                  props.setDraft("accommodations", item.id, { ...answer(), helped });
                  props.onChange();
                }}
              />
            </Show>
            <Show when={isMiss(answer().status)}>
              <div class="field">
                <label for={`${id}-reason`}>{t("barrierLegend")}</label>
                <select
                  id={`${id}-reason`}
                  value={answer().reason ?? ""}
                  onChange={(event) => {
                    const reason = event.currentTarget.value as (typeof barrierReasons)[number] | "";
                    props.setDraft("accommodations", item.id, { ...answer(), reason: reason || undefined });
                    props.onChange();
                  }}
                >
                  <option value="">{t("barrierMissing")}</option>
                  <For each={barrierReasons}>{(reason) => <option value={reason}>{t(`barrier.${reason}` as StringKey)}</option>}</For>
                </select>
              </div>
            </Show>
            <div class="field">
              <label for={`${id}-note`}>{answer().status === "not_applicable" || answer().reason === "other" ? t("note") : t("noteOptional")}</label>
              <Show when={answer().status === "not_applicable"}>
                <p class="hint" id={`${id}-hint`}>
                  {t("noteNeeded")}
                </p>
              </Show>
              <textarea
                id={`${id}-note`}
                rows={1}
                maxLength={300}
                value={answer().note}
                aria-invalid={missing()}
                aria-describedby={[answer().status === "not_applicable" && `${id}-hint`, missing() && `${id}-error`].filter(Boolean).join(" ") || undefined}
                onInput={(event) => {
                  props.setDraft("accommodations", item.id, { ...answer(), note: event.currentTarget.value });
                  props.onChange();
                }}
              />
              <Show when={missing()}>
                <p class="field-error" id={`${id}-error`}>
                  {t("noteMissing")}
                </p>
              </Show>
            </div>
            <NeedHelp
              id={`${id}-help`}
              checked={!!answer().needsHelp}
              onChange={(needsHelp) => {
                props.setDraft("accommodations", item.id, { ...answer(), needsHelp });
                props.onChange();
              }}
            />
          </fieldset>
        );
      }}
    </For>
  );
}

/** One fieldset per service: its sessions this week, each held (minutes) or missed (a reason). */
export function ServiceSessions(props: Props) {
  const days = () => props.form.days;
  return (
    <For each={props.form.plan.services}>
      {(service, serviceIndex) => {
        const sessions = () => props.draft.services[service.id] ?? [];
        const change = (fn: () => void) => {
          fn();
          props.onChange();
        };
        return (
          <fieldset class="answer">
            <legend>{service.name}</legend>
            <p class="muted">{t("minutesOfWeek", { done: minutesGiven(sessions()), required: service.minutesPerWeek })}</p>
            <Show when={sessions().length > 0} fallback={<p class="empty">{t("noSessions")}</p>}>
              <ol class="sessions">
                <Index each={sessions()}>
                  {(session, i) => {
                    const id = `svc-${serviceIndex()}-${i}`;
                    return (
                      <li class="session">
                        <div class="field">
                          <label for={`${id}-day`}>{t("sessionDay")}</label>
                          <select
                            id={`${id}-day`}
                            value={session().date}
                            onChange={(e) => change(() => props.setDraft("services", service.id, i, "date", e.currentTarget.value))}
                          >
                            <For each={days()}>{(day) => <option value={day}>{`${weekday(day)}, ${formatDate(day)}`}</option>}</For>
                          </select>
                        </div>
                        <div class="field">
                          <label for={`${id}-what`}>{t("sessionHeld")}</label>
                          <select
                            id={`${id}-what`}
                            value={session().outcome}
                            onChange={(e) => change(() => props.setDraft("services", service.id, i, "outcome", e.currentTarget.value as never))}
                          >
                            <option value="held">{t("held")}</option>
                            <For each={missedReasons}>{(reason) => <option value={reason}>{t(`missed.${reason}` as StringKey)}</option>}</For>
                          </select>
                        </div>
                        <Show
                          when={session().outcome === "held"}
                          fallback={
                            <div class="field grow">
                              <label for={`${id}-note`}>{t("noteOptional")}</label>
                              <input
                                id={`${id}-note`}
                                maxLength={300}
                                value={session().note}
                                onInput={(e) => change(() => props.setDraft("services", service.id, i, "note", e.currentTarget.value))}
                              />
                            </div>
                          }
                        >
                          <div class="field short">
                            <label for={`${id}-minutes`}>{t("minutes")}</label>
                            <input
                              id={`${id}-minutes`}
                              type="number"
                              inputmode="numeric"
                              min="1"
                              max="600"
                              step="1"
                              value={session().minutes}
                              onInput={(e) => change(() => props.setDraft("services", service.id, i, "minutes", e.currentTarget.value))}
                            />
                          </div>
                        </Show>
                        <button
                          type="button"
                          class="button-quiet"
                          aria-label={`${t("removeSession", { n: i + 1 })}: ${service.name}`}
                          onClick={() => change(() => props.setDraft("services", service.id, (list) => list.filter((_, j) => j !== i)))}
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
              class="button-secondary"
              aria-label={`${t("addSession")}: ${service.name}`}
              onClick={() => change(() => props.setDraft("services", service.id, (list) => [...(list ?? []), newSession(props.form.days, list ?? [])]))}
            >
              {t("addSession")}
            </button>
            <MakeUpSessions
              form={props.form}
              service={service}
              prefix={`svc-${serviceIndex()}`}
              draft={props.draft}
              setDraft={props.setDraft}
              onChange={props.onChange}
              errors={props.makeUpErrors ?? {}}
            />
            <NeedHelp
              id={`svc-${serviceIndex()}-help`}
              checked={!!props.draft.serviceHelp?.[service.id]}
              onChange={(checked) => change(() => props.setDraft("serviceHelp", (help) => ({ ...help, [service.id]: checked })))}
            />
          </fieldset>
        );
      }}
    </For>
  );
}
