import { createSignal, For, Show } from "solid-js";
import { api, call, errorWords, type FieldErrors } from "../api";
import { t, tProblem } from "../i18n";
import "../strings/conversation";
import { errorText } from "../components/loaded";
import { Field, fieldId } from "../components/field";
import { Alert } from "../components/status";
import { TextAreaField } from "../components/text-area-field";
import { conversationModes, type ConversationMode } from "@fidelio/core/concern/conversation-schema";
import { localDate } from "@fidelio/core/calendar/zoned";
import { isStale, type ConcernView } from "./data";

/** Everyone on the concern: the parent and each staff member it was assigned to (as the API counts them: concern/conversation.ts). */
function peopleOn(concern: ConcernView): Array<{ id: string; name: string }> {
  const staff = [
    ...concern.timeline.flatMap((e) => (e.type === "assigned" && e.assignee ? [e.assignee] : [])),
    ...(concern.assignee ? [concern.assignee] : []),
  ];
  const people = [concern.parent, ...staff].filter((p): p is { id: string; name: string } => !!p && "id" in p && !!p.id);
  return people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
}

/**
 * Puts a conversation on the concern's record (`log_conversation`): what was said, the day, how, and
 * with whom (everyone on the concern unless unchecked). The others get a recap email they can answer.
 */
export function ConversationForm(props: {
  concern: ConcernView;
  me: string | undefined;
  timeZone: string;
  onDone: (c: ConcernView) => void;
  onStale: () => void;
}) {
  const today = () => localDate(new Date(), props.timeZone);
  const others = () => peopleOn(props.concern).filter((p) => p.id !== props.me);
  const [text, setText] = createSignal("");
  const [on, setOn] = createSignal(today());
  const [mode, setMode] = createSignal<ConversationMode>("phone");
  const [left, setLeft] = createSignal<Set<string>>(new Set());
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal("");
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const toggle = (id: string, checked: boolean) => {
    const next = new Set(left());
    if (checked) next.delete(id);
    else next.add(id);
    setLeft(next);
  };
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setFailure("");
    setSaved(false);
    const found: FieldErrors = {};
    if (!text().trim() || !on()) await errorWords();
    if (!text().trim()) found.text = [tProblem({ code: "required", message: "Required" })];
    if (!on()) found.on = [tProblem({ code: "required", message: "Required" })];
    else if (on() > today()) found.on = [t("convOnFuture")];
    setErrors(found);
    if (Object.keys(found).length) {
      document.getElementById(fieldId(found.text ? "conversation.text" : "on"))?.focus();
      return;
    }
    const named = others().filter((p) => !left().has(p.id));
    setBusy(true);
    try {
      const concern = await call(
        api.concerns[":id"].actions.$post({
          param: { id: props.concern.id },
          json: {
            action: "log_conversation",
            version: props.concern.version,
            text: text().trim(),
            conversation: { on: on(), mode: mode(), ...(left().size > 0 && { with: named.map((p) => p.id) }) },
          },
        }),
      );
      setText("");
      setLeft(new Set<string>());
      setSaved(true);
      props.onDone(concern as ConcernView);
    } catch (error) {
      if (isStale(error)) props.onStale();
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="conversation-title" class="conversation-form">
      <h3 id="conversation-title">{t("convTitle")}</h3>
      <p>{t("convIntro")}</p>
      <form class="stack" novalidate onSubmit={submit} aria-labelledby="conversation-title">
        <TextAreaField label={t("convText")} path="text" idPrefix="conversation" required maxLength={4000} errors={errors()} value={text()} onValue={setText} />
        <Field label={t("convOn")} path="on" type="date" max={today()} required errors={errors()} value={on()} onValue={setOn} />
        <fieldset>
          <legend>{t("convMode")}</legend>
          <For each={conversationModes}>
            {(m) => (
              <label class="choice">
                <input type="radio" name="conversation-mode" value={m} checked={mode() === m} onChange={() => setMode(m)} /> {t(`convMode.${m}`)}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={others().length > 0}>
          <fieldset aria-describedby="conversation-with-hint">
            <legend>{t("convWith")}</legend>
            <p id="conversation-with-hint" class="hint">
              {t("convWithHint")}
            </p>
            <For each={others()}>
              {(p) => (
                <label class="choice">
                  <input type="checkbox" checked={!left().has(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} /> {p.name}
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <Show when={failure()}>
          <Alert>{failure()}</Alert>
        </Show>
        <button type="submit" disabled={busy()}>
          {t("convSave")}
        </button>
        <Show when={saved()}>
          <p role="status">{t("convSaved")}</p>
        </Show>
      </form>
    </section>
  );
}
