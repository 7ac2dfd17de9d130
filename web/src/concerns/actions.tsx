import { createSignal, For, lazy, Show, Suspense } from "solid-js";
import { errorWords, type FieldErrors } from "../api";
import { t, tProblem } from "../i18n";
import "../strings/concern-page";
import { formatInZone } from "../format";
import { errorText } from "../components/loaded";
import { fieldId } from "../components/field";
import { Alert } from "../components/status";
import { TextAreaField } from "../components/text-area-field";
import { actions, canFlagOf, rolesFor, textOptional } from "@fidelio/core/concern/lifecycle";
import { actOnConcern, isStale, type ConcernAction, type ConcernView } from "./data";
import { DeclinedAnswer, DeclineForm } from "./notice-lazy";

// The assignee's forms with their words (staff only), loaded when a page shows one: a parent's never does.
// The layout's Suspense waits for them with the page's data, so the page still appears whole.
const StaffActionForm = lazy(() => import("../strings/concern-staff-actions").then(() => ({ default: ActionForm })));

// Loaded when opened: most visits to a concern do not log a conversation.
const ConversationForm = lazy(() => import("./conversation").then((m) => ({ default: m.ConversationForm })));

/** Who acted, as the timeline names them (nobody, for Fidelio itself). */
const nameOf = (actor: ConcernView["timeline"][number]["actor"]) => (actor.kind === "user" ? actor.name : undefined);

/** The API's `can` flag for each action. */
const allowedFor = (concern: ConcernView, action: ConcernAction) => concern.can[canFlagOf(action)];

interface Props {
  concern: ConcernView;
  timeZone: string;
  /** The reader's user id: the conversation form names the others on the concern. */
  me?: string;
  /** The concern after an action, as the API answered it. */
  onDone: (concern: ConcernView) => void;
  /** The action came too late (409): the page reloads the concern and says where it went. */
  onStale: () => void;
}

/** Only the actions the API says the reader may take now, each with the text it requires. */
export function ConcernActions(props: Props) {
  const allowed = (action: ConcernAction) => allowedFor(props.concern, action);
  const staff = actions.filter((action) => rolesFor(action).includes("assignee"));
  const question = () => [...props.concern.timeline].reverse().find((e) => e.type === "info_requested")?.text;
  const any = () => actions.some(allowed);
  // The parent answers a decline as a resolution, with the notice in front of them and its own words.
  const declined = () => {
    const last = props.concern.timeline.at(-1);
    return last?.type === "declined" && last.notice ? last : undefined;
  };
  const form = (action: ConcernAction) => (
    <ActionForm action={action} concern={props.concern} timeZone={props.timeZone} me={props.me} onDone={props.onDone} onStale={props.onStale} />
  );
  const [conversationOpen, setConversationOpen] = createSignal(false);
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t("actionsTitle")}</h2>
      <Show when={any()} fallback={<p class="empty">{t("noActions")}</p>}>
        <Show when={(allowed("confirm") || allowed("dispute")) && !declined()}>
          <h3>{t("confirmQuestion")}</h3>
          <Show when={props.concern.dueAt}>{(due) => <p>{t("confirmQuestionIntro", { due: formatInZone(due(), props.timeZone) })}</p>}</Show>
          <Show when={allowed("confirm")}>{form("confirm")}</Show>
          <Show when={allowed("dispute")}>{form("dispute")}</Show>
        </Show>
        <Show when={(allowed("confirm") || allowed("dispute")) && declined()}>
          {(last) => (
            <DeclinedAnswer
              notice={last().notice!}
              by={nameOf(last().actor)}
              at={last().at}
              timeZone={props.timeZone}
              dueAt={props.concern.dueAt}
              canConfirm={allowed("confirm")}
              canDispute={allowed("dispute")}
              form={(action, label) => (
                <ActionForm
                  action={action}
                  label={label}
                  concern={props.concern}
                  timeZone={props.timeZone}
                  me={props.me}
                  onDone={props.onDone}
                  onStale={props.onStale}
                />
              )}
            />
          )}
        </Show>
        <Show when={allowed("provide_info")}>
          <h3>{t("questionForYou")}</h3>
          <Show when={question()}>{(text) => <blockquote class="timeline-text">{text()}</blockquote>}</Show>
          {form("provide_info")}
        </Show>
        <For each={staff.filter(allowed)}>
          {(action) =>
            action === "decline" ? (
              <DeclineForm concern={props.concern} onDone={props.onDone} onStale={props.onStale} />
            ) : (
              <StaffActionForm action={action} concern={props.concern} timeZone={props.timeZone} me={props.me} onDone={props.onDone} onStale={props.onStale} />
            )
          }
        </For>
        <Show when={allowed("log_conversation")}>
          <details class="action-more" onToggle={(e) => setConversationOpen(e.currentTarget.open)}>
            <summary>{t("convTitle")}</summary>
            <Show when={conversationOpen()}>
              <Suspense>
                <ConversationForm concern={props.concern} me={props.me} timeZone={props.timeZone} onDone={props.onDone} onStale={props.onStale} />
              </Suspense>
            </Show>
          </details>
        </Show>
        <Show when={allowed("withdraw")}>
          <details class="action-more">
            <summary>{t("act.withdraw")}</summary>
            {form("withdraw")}
          </details>
        </Show>
      </Show>
    </section>
  );
}

/** One action's form; `label` words its button when the action answers something (a decline), else the action's own name. */
function ActionForm(props: Props & { action: ConcernAction; label?: () => string }) {
  const [text, setText] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const key = (suffix: string) => `act.${props.action}${suffix}` as "act.resolve";
  const submitWords = () => props.label?.() ?? t(key(""));
  const required = !textOptional.includes(props.action);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setFailure("");
    const value = text().trim();
    if (required && !value) {
      await errorWords();
      setErrors({ text: [tProblem({ code: "required", message: "Required" })] });
      document.getElementById(fieldId(`${props.action}.text`))?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      props.onDone(await actOnConcern(props.concern, props.action, value || undefined));
    } catch (error) {
      if (isStale(error)) props.onStale();
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack action-form" novalidate onSubmit={submit} aria-label={submitWords()}>
      <TextAreaField
        label={t(key(".label"))}
        hint={t(key(".hint"))}
        path="text"
        idPrefix={props.action}
        required={required}
        maxLength={4000}
        errors={errors()}
        value={text()}
        onValue={setText}
      />
      <Show when={failure()}>
        <Alert>{failure()}</Alert>
      </Show>
      <button type="submit" class={props.action === "withdraw" || props.action === "escalate" ? "button-secondary" : undefined} disabled={busy()}>
        {submitWords()}
      </button>
    </form>
  );
}
