import { createSignal, For, Show, type JSX } from "solid-js";
import { ApiError, errorWords, type FieldErrors } from "../api";
import { lang, t, tProblem } from "../i18n";
import "../strings/notice";
import { formatInZone } from "../format";
import { errorText } from "../components/loaded";
import { fieldId } from "../components/field";
import { Alert } from "../components/status";
import { TextAreaField } from "../components/text-area-field";
import { noticeParts, noticeSections, requiredNoticeParts, type NoticePart, type PriorWrittenNotice } from "@fidelio/core/concern/notice";
import { actOnConcern, isStale, type ConcernView } from "./data";

/** A prior written notice as the family reads it: the parts' headings in the reader's language, the words as staff wrote them. */
export function NoticeView(props: { notice: PriorWrittenNotice; by?: string; at: string; timeZone: string }) {
  return (
    <section class="notice-pwn" aria-label={t("notice.title")}>
      <h3>{t("notice.title")}</h3>
      <p>{t("notice.intro")}</p>
      <dl class="facts">
        <For each={noticeSections(lang(), props.notice)}>
          {(section) => (
            <div>
              <dt>{section.label}</dt>
              <dd class="prose">{section.text}</dd>
            </div>
          )}
        </For>
      </dl>
      <p class="muted">{t("notice.issuedBy", { name: props.by ?? "Fidelio", when: formatInZone(props.at, props.timeZone) })}</p>
    </section>
  );
}

/**
 * The family's answer to a decline: the notice, the question, and the forms (made by the concern's actions,
 * `form`) that accept or dispute the decision, their buttons worded for it.
 */
export function DeclinedAnswer(props: {
  notice: PriorWrittenNotice;
  by?: string;
  at: string;
  timeZone: string;
  dueAt?: string | null;
  canConfirm: boolean;
  canDispute: boolean;
  form: (action: "confirm" | "dispute", label: () => string) => JSX.Element;
}) {
  return (
    <>
      <NoticeView notice={props.notice} by={props.by} at={props.at} timeZone={props.timeZone} />
      <h3>{t("notice.acceptQuestion")}</h3>
      <Show when={props.dueAt}>{(due) => <p>{t("notice.acceptIntro", { due: formatInZone(due(), props.timeZone) })}</p>}</Show>
      <Show when={props.canConfirm}>{props.form("confirm", () => t("notice.accept"))}</Show>
      <Show when={props.canDispute}>{props.form("dispute", () => t("notice.dispute"))}</Show>
    </>
  );
}

interface Props {
  concern: ConcernView;
  onDone: (concern: ConcernView) => void;
  onStale: () => void;
}

/** Staff decline what the concern asks for: every part of the notice before it is sent, each missing one named. */
export function DeclineForm(props: Props) {
  const empty = Object.fromEntries(noticeParts.map((p) => [p, ""])) as Record<NoticePart, string>;
  const [values, setValues] = createSignal(empty);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const required = (part: NoticePart) => (requiredNoticeParts as readonly NoticePart[]).includes(part);

  const problemsFirst = (found: FieldErrors) => {
    setErrors(found);
    const first = noticeParts.find((p) => found[p]);
    if (first) document.getElementById(fieldId(`decline.${first}`))?.focus();
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setFailure("");
    const given = Object.fromEntries(noticeParts.map((p) => [p, values()[p].trim()])) as Record<NoticePart, string>;
    const missing = requiredNoticeParts.filter((p) => !given[p]);
    if (missing.length) await errorWords();
    if (missing.length) return problemsFirst(Object.fromEntries(missing.map((p) => [p, [tProblem({ code: "required", message: "Required" })]])));
    setErrors({});
    setBusy(true);
    try {
      const notice = Object.fromEntries(noticeParts.filter((p) => given[p]).map((p) => [p, given[p]]));
      props.onDone(await actOnConcern(props.concern, "decline", undefined, notice));
    } catch (error) {
      if (isStale(error)) props.onStale();
      else if (error instanceof ApiError && error.status === 422 && error.rows.length)
        problemsFirst(
          Object.fromEntries(error.rows.map((row) => [row.field.replace(/^notice\./, ""), [tProblem({ code: row.code ?? "required", message: row.message })]])),
        );
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="action-more decline-form">
      <summary>{t("act.decline")}</summary>
      <form class="stack action-form" novalidate onSubmit={submit} aria-label={t("act.decline")}>
        <p>{t("act.decline.intro")}</p>
        <For each={noticeParts}>
          {(part) => (
            <TextAreaField
              label={t(`notice.${part}`)}
              hint={part === "safeguards" ? t("act.decline.safeguardsHint") : undefined}
              path={part}
              idPrefix="decline"
              required={required(part)}
              maxLength={4000}
              errors={errors()}
              value={values()[part]}
              onValue={(value) => setValues({ ...values(), [part]: value })}
            />
          )}
        </For>
        <Show when={failure()}>
          <Alert>{failure()}</Alert>
        </Show>
        <button type="submit" class="button-secondary" disabled={busy()}>
          {t("act.decline")}
        </button>
      </form>
    </details>
  );
}
