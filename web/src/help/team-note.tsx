import { createResource, createSignal, Show } from "solid-js";
import { api, ApiError, call } from "../api";
import { formatDate } from "../format";
import { t } from "../i18n";
import "../strings/help";
import { errorText, Loaded } from "../components/loaded";
import { Alert } from "../components/status";

const loadNote = (key: { studentId: string; week: string }) => call(api["team-notes"][":studentId"][":week"].$get({ param: key }));
type Note = Awaited<ReturnType<typeof loadNote>>;

/**
 * The shared note on a student's week, between their teachers and case manager (on the weekly form).
 * Saved at the version it was read at: when someone else saved meanwhile (409), their text is shown
 * and the reader's is kept in the box to save again, never lost and never overwriting theirs unseen.
 */
export function TeamNote(props: { studentId: string; week: string }) {
  const [note, { refetch, mutate }] = createResource(() => ({ studentId: props.studentId, week: props.week }), loadNote);
  return (
    <section aria-labelledby="team-note-title" class="team-note">
      <h2 id="team-note-title">{t("teamNote.title")}</h2>
      <p class="muted">{t("teamNote.intro")}</p>
      <Loaded resource={note} what={t("teamNote.label")} onRetry={refetch}>
        {(loaded) => <NoteEditor note={loaded()} studentId={props.studentId} week={props.week} onSaved={mutate} />}
      </Loaded>
    </section>
  );
}

function NoteEditor(props: { note: Note; studentId: string; week: string; onSaved: (n: Note) => void }) {
  const [text, setText] = createSignal(props.note.text);
  const [version, setVersion] = createSignal(props.note.version);
  const [theirs, setTheirs] = createSignal<Note>();
  const [error, setError] = createSignal("");
  const [said, setSaid] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  async function save(e: Event) {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError("");
    setSaid("");
    try {
      const saved = await call(
        api["team-notes"][":studentId"][":week"].$put({ param: { studentId: props.studentId, week: props.week }, json: { text: text(), version: version() } }),
      );
      setVersion(saved.version);
      setTheirs(undefined);
      setSaid(t("help.saved"));
      props.onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const fresh = await call(api["team-notes"][":studentId"][":week"].$get({ param: { studentId: props.studentId, week: props.week } }));
        setTheirs(fresh);
        setVersion(fresh.version);
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const last = () => theirs() ?? props.note;
  return (
    <form class="stack" onSubmit={save}>
      <Show when={theirs()}>
        {(other) => (
          <div class="alert" role="alert">
            <p>{t("teamNote.stale", { name: other().updatedByName ?? "" })}</p>
            <p class="alert-why">{other().text}</p>
          </div>
        )}
      </Show>
      <div class="field">
        <label for="team-note-text">{t("teamNote.label")}</label>
        <textarea id="team-note-text" rows={3} maxLength={1000} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <Show when={last().updatedByName}>
        <p class="muted">{t("teamNote.savedBy", { name: last().updatedByName ?? "", day: formatDate((last().updatedAt ?? "").slice(0, 10)) })}</p>
      </Show>
      <div class="button-row">
        <button type="submit" class="button-secondary" disabled={busy()}>
          {t("teamNote.save")}
        </button>
      </div>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <p role="status" class="muted">
        {said()}
      </p>
    </form>
  );
}
