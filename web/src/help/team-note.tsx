import { createResource, createSignal, Show, Suspense } from "solid-js";
import { api, ApiError, call } from "../api";
import { formatDate } from "../format";
import { t } from "../i18n";
import "../strings/help";
import { errorText, Loaded } from "../components/loaded";
import { Alert, Loading } from "../components/status";

const loadNote = (key: { studentId: string; week: string }) => call(api["team-notes"][":studentId"][":week"].$get({ param: key }));
type Note = Awaited<ReturnType<typeof loadNote>>;

/** The shared note on a student's week, between their teachers and case manager (on the one-student weekly form). */
export function TeamNote(props: { studentId: string; week: string }) {
  return (
    <section aria-labelledby="team-note-title" class="team-note">
      <h2 id="team-note-title">{t("teamNote.title")}</h2>
      <p class="muted">{t("teamNote.intro")}</p>
      <NoteLoader studentId={props.studentId} week={props.week} id="team-note" label={t("teamNote.label")} />
    </section>
  );
}

/**
 * The same note on a class's week, one per student row, behind a disclosure so the grid stays short:
 * it is read only once opened (a grid of six students does not make six more requests to show).
 */
export function TeamNoteDisclosure(props: { studentId: string; week: string; name: string; id: string }) {
  const [open, setOpen] = createSignal(false);
  const [opened, setOpened] = createSignal(false);
  return (
    <div class="team-note-disclosure">
      <button
        type="button"
        class="button-quiet disclosure"
        aria-expanded={open()}
        aria-controls={`${props.id}-panel`}
        onClick={() => {
          setOpen(!open());
          setOpened(true);
        }}
      >
        <span aria-hidden="true" class="disclosure-mark">
          {open() ? "▾" : "▸"}
        </span>{" "}
        {t("teamNote.forStudent", { name: props.name })}
      </button>
      <div id={`${props.id}-panel`} class="team-note" hidden={!open()}>
        <Show when={opened()}>
          <p class="muted">{t("teamNote.intro")}</p>
          {/* Its own loading line: opening one note never suspends the whole grid. */}
          <Suspense fallback={<Loading />}>
            <NoteLoader studentId={props.studentId} week={props.week} id={props.id} label={t("teamNote.forStudent", { name: props.name })} />
          </Suspense>
        </Show>
      </div>
    </div>
  );
}

function NoteLoader(props: { studentId: string; week: string; id: string; label: string }) {
  const [note, { refetch, mutate }] = createResource(() => ({ studentId: props.studentId, week: props.week }), loadNote);
  return (
    <Loaded resource={note} what={t("teamNote.label")} onRetry={refetch}>
      {(loaded) => <NoteEditor note={loaded()} studentId={props.studentId} week={props.week} id={props.id} label={props.label} onSaved={mutate} />}
    </Loaded>
  );
}

/**
 * Saved at the version it was read at: when someone else saved meanwhile (409), their text is shown
 * and the reader's is kept in the box to save again, never lost and never overwriting theirs unseen.
 * Not a <form>: on the class grid it sits inside the grid's own form.
 */
function NoteEditor(props: { note: Note; studentId: string; week: string; id: string; label: string; onSaved: (n: Note) => void }) {
  const [text, setText] = createSignal(props.note.text);
  const [version, setVersion] = createSignal(props.note.version);
  const [theirs, setTheirs] = createSignal<Note>();
  const [error, setError] = createSignal("");
  const [said, setSaid] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const param = () => ({ studentId: props.studentId, week: props.week });
  async function save() {
    if (busy()) return;
    setBusy(true);
    setError("");
    setSaid("");
    try {
      const saved = await call(api["team-notes"][":studentId"][":week"].$put({ param: param(), json: { text: text(), version: version() } }));
      setVersion(saved.version);
      setTheirs(undefined);
      setSaid(t("teamNote.saved"));
      props.onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const fresh = await call(api["team-notes"][":studentId"][":week"].$get({ param: param() }));
        setTheirs(fresh);
        setVersion(fresh.version);
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const last = () => theirs() ?? props.note;
  return (
    <div class="stack">
      <Show when={theirs()}>
        {(other) => (
          <div class="alert" role="alert">
            <p>{t("teamNote.stale", { name: other().updatedByName ?? "" })}</p>
            <p class="alert-why">{other().text}</p>
          </div>
        )}
      </Show>
      <div class="field">
        <label for={`${props.id}-text`}>{props.label}</label>
        <textarea id={`${props.id}-text`} rows={3} maxLength={1000} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <Show when={last().updatedByName}>
        <p class="muted">{t("teamNote.savedBy", { name: last().updatedByName ?? "", day: formatDate((last().updatedAt ?? "").slice(0, 10)) })}</p>
      </Show>
      <div class="button-row">
        <button type="button" class="button-secondary" disabled={busy()} onClick={() => void save()}>
          {t("teamNote.save")}
        </button>
      </div>
      <Show when={error()}>
        <Alert>{error()}</Alert>
      </Show>
      <p role="status" class="muted">
        {said()}
      </p>
    </div>
  );
}
