import { createSignal, For, Show } from "solid-js";
import { api, ApiError, call, type RowError } from "../api";
import { t } from "../i18n";
import { errorText } from "../components/loaded";
import { Alert } from "../components/status";

type Counts = { created: number; updated: number; unchanged: number; revoked: number; skipped: number };

export function AdminRoster() {
  const [counts, setCounts] = createSignal<Counts>();
  const [rows, setRows] = createSignal<RowError[]>([]);
  const [problem, setProblem] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;

  async function upload(event: SubmitEvent) {
    event.preventDefault();
    setCounts(undefined);
    setRows([]);
    setProblem("");
    const files = [...(input.files ?? [])];
    if (files.length === 0) {
      setProblem(t("rosterChooseFile"));
      input.focus();
      return;
    }
    setBusy(true);
    try {
      setCounts(await call(api.admin.roster.$post({ form: { files } })));
    } catch (error) {
      if (error instanceof ApiError && error.rows.length > 0) {
        setRows(error.rows);
        setProblem(t("rosterRejected"));
      } else setProblem(error instanceof ApiError && (error.status === 400 || error.status === 413) ? error.message : errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{t("rosterTitle")}</h2>
      <p>{t("rosterIntro")}</p>
      <form onSubmit={upload} novalidate class="stack">
        <label for="roster-files">{t("rosterFiles")}</label>
        <p id="roster-hint" class="hint">
          {t("rosterHint")}
        </p>
        <input
          ref={input}
          id="roster-files"
          name="files"
          type="file"
          multiple
          accept=".csv,.zip,text/csv,application/zip"
          aria-invalid={!!problem()}
          aria-describedby={problem() ? "roster-hint roster-error" : "roster-hint"}
        />
        <Show when={problem()}>
          <Alert id="roster-error">{problem()}</Alert>
        </Show>
        <button type="submit" disabled={busy()}>
          {busy() ? t("uploading") : t("upload")}
        </button>
      </form>
      <p role="status">{counts() ? t("rosterDone", { ...counts()! }) : ""}</p>
      <Show when={rows().length > 0}>
        <table class="stacked">
          <caption>{t("rosterErrorsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colFile")}</th>
              <th scope="col">{t("colLine")}</th>
              <th scope="col">{t("colField")}</th>
              <th scope="col">{t("colMessage")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <td data-label={t("colFile")}>{row.file}</td>
                  <td data-label={t("colLine")}>{row.line > 0 ? row.line : ""}</td>
                  <td data-label={t("colField")}>{row.field}</td>
                  <td data-label={t("colMessage")}>{row.message}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
