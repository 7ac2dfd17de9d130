import { createResource, createSignal, For, Show } from "solid-js";
import { weekStart } from "@fidelio/core/fidelity/week";
import { api, ApiError, call } from "../api";
import { loadHelp, openToAnswer, type HelpRequestShown, type HelpResource } from "./data";
import { formatDate } from "../format";
import { t } from "../i18n";
import "../strings/help";
import { errorText, Loaded } from "../components/loaded";
import { Alert } from "../components/status";

type Request = HelpRequestShown;

/**
 * The home page's help requests: a case manager's to answer (resolve with what they did, or comment)
 * and the requests a teacher asked, with the answers. Only for those the API lets see them. The home
 * page passes the lists it shares with "waiting on you", so answering one there changes both.
 */
export function HelpRequestsSection(props: { resource?: HelpResource }) {
  const [lists, { refetch, mutate }] = props.resource ?? createResource(loadHelp);
  const replace = (next: Request) => {
    const now = lists();
    if (!now) return;
    const swap = (list: Request[]) => list.map((r) => (r.id === next.id ? next : r));
    mutate({ toAnswer: swap(now.toAnswer), mine: swap(now.mine) });
  };
  return (
    <section aria-labelledby="help-requests-title" id="help-requests">
      <h2 id="help-requests-title">{t("help.title")}</h2>
      <Loaded resource={lists} what={t("help.what")} onRetry={refetch}>
        {(loaded) => (
          <>
            <Show when={loaded().toAnswer.length > 0}>
              <p>{t("help.intro.caseManager")}</p>
              <h3>{t("help.toAnswer")}</h3>
              <ul class="help-requests">
                <For each={loaded().toAnswer}>{(r) => <HelpRequestCard request={r} asking={false} onChange={replace} onStale={refetch} />}</For>
              </ul>
            </Show>
            <Show when={loaded().mine.length > 0}>
              <p>{t("help.intro.teacher")}</p>
              <h3>{t("help.mine")}</h3>
              <ul class="help-requests">
                <For each={loaded().mine}>{(r) => <HelpRequestCard request={r} asking onChange={replace} onStale={refetch} />}</For>
              </ul>
            </Show>
            <Show when={!loaded().toAnswer.length && !loaded().mine.length}>
              <p class="empty">{t("help.none")}</p>
            </Show>
          </>
        )}
      </Loaded>
    </section>
  );
}

function HelpRequestCard(props: { request: Request; asking: boolean; onChange: (r: Request) => void; onStale: () => void }) {
  const r = () => props.request;
  const [text, setText] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal("");
  const [said, setSaid] = createSignal("");
  const id = () => `help-${r().id}`;
  async function send(action: "resolve" | "comment") {
    if (busy() || !text().trim()) return;
    setBusy(true);
    setError("");
    setSaid("");
    try {
      const next = await call(
        api["help-requests"][":id"].actions.$post({ param: { id: r().id }, json: { action, text: text().trim(), version: r().version } }),
      );
      setText("");
      setSaid(t("help.saved"));
      props.onChange(next);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setError(t("help.stale"));
        props.onStale();
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="help-request" data-status={r().status} aria-labelledby={`${id()}-title`}>
      <h4 id={`${id()}-title`}>{t("help.item", { student: r().studentName, item: r().itemText })}</h4>
      <p class="muted">
        {props.asking
          ? t("help.to", { caseManager: r().caseManagerName, monday: formatDate(weekStart(r().week)) })
          : t("help.from", { teacher: r().teacherName, monday: formatDate(weekStart(r().week)) })}
        {" · "}
        <span class={r().pastDue ? "overdue" : undefined}>
          {r().status === "resolved"
            ? t("help.status.resolved")
            : r().pastDue
              ? t("help.pastDue", { due: formatDate(r().dueOn) })
              : t("help.due", { due: formatDate(r().dueOn) })}
        </span>
      </p>
      <p>{t("help.why", { why: t(`help.trigger.${r().trigger}`) })}</p>
      <Show when={r().note}>{(note) => <p>{t("help.note", { note: note() })}</p>}</Show>
      <For each={r().comments}>
        {(c) => (
          <p class="help-comment">
            <strong>{t("help.commentBy", { name: c.byName, day: formatDate(c.at.slice(0, 10)) })}</strong> {c.text}
          </p>
        )}
      </For>
      <Show when={r().resolution}>
        {(answer) => (
          <p class="help-answer">
            <strong>{t("help.answeredBy", { name: answer().byName, day: formatDate(answer().at.slice(0, 10)) })}</strong> {answer().text}
          </p>
        )}
      </Show>
      <Show when={r().can.comment}>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void send(r().can.resolve ? "resolve" : "comment");
          }}
        >
          <div class="field">
            <label for={`${id()}-text`}>{r().can.resolve ? t("help.text") : t("help.commentText")}</label>
            <textarea id={`${id()}-text`} rows={3} maxLength={2000} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
          <div class="button-row">
            <Show when={r().can.resolve}>
              <button type="submit" disabled={busy()}>
                {t("help.resolve")}
              </button>
            </Show>
            <button type="button" class={r().can.resolve ? "button-secondary" : undefined} disabled={busy()} onClick={() => void send("comment")}>
              {t("help.comment")}
            </button>
          </div>
          <Show when={error()}>
            <Alert>{error()}</Alert>
          </Show>
          <p role="status" class="muted">
            {said()}
          </p>
        </form>
      </Show>
    </li>
  );
}

/** The requests still to answer, as items of the home page's "waiting on you" list, each linking to its card. */
export function WaitingHelpItems(props: { lists: HelpResource }) {
  return (
    <For each={openToAnswer(props.lists[0].latest)}>
      {(r) => (
        <li>
          <p>
            <a href="#help-requests">{t("help.item", { student: r.studentName, item: r.itemText })}</a>
          </p>
          <p class={r.pastDue ? "overdue" : undefined}>{t("help.waiting", { teacher: r.teacherName, due: formatDate(r.dueOn) })}</p>
        </li>
      )}
    </For>
  );
}
