import { createSignal, For, Show } from "solid-js";
import { api, ApiError, call, type Body, type RowError } from "../api";
import { A } from "@solidjs/router";
import { t, tCode, tError, tRosterProblem } from "../i18n";
import { errorText } from "../components/loaded";
import { Alert } from "../components/status";
import { DataTable } from "../components/data-table";

type Job = Body<Awaited<ReturnType<(typeof api.admin.roster.jobs)[":id"]["$get"]>>>;
type Summary = NonNullable<Job["summary"]>;

const pollMs = 700;
const doneCounts = ({ created, updated, unchanged, revoked, skipped }: Summary) => ({ created, updated, unchanged, revoked, skipped });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function AdminRoster() {
  const [counts, setCounts] = createSignal<Summary>();
  const [progress, setProgress] = createSignal<Job["progress"]>();
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
      // The upload is checked at once; the writing runs as a job, polled until it ends.
      let job: Omit<Job, "id"> & { id?: string } = await call(api.admin.roster.$post({ form: { files } }));
      while (job.id && (job.status === "queued" || job.status === "running")) {
        setProgress(job.progress);
        await wait(pollMs);
        job = await call(api.admin.roster.jobs[":id"].$get({ param: { id: job.id } }));
      }
      setProgress(undefined);
      if (job.error) {
        setRows(job.error.details ?? []);
        setProblem(job.error.details?.length ? t("rosterRejected") : t("rosterFailed", { message: tError(job.error.code) ?? t("errGeneric") }));
      } else setCounts(job.summary);
    } catch (error) {
      if (error instanceof ApiError && error.rows.length > 0) {
        setRows(error.rows);
        setProblem(t("rosterRejected"));
      } else setProblem(errorText(error));
    } finally {
      setProgress(undefined);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{t("rosterTitle")}</h2>
      <p>{t("rosterIntro")}</p>
      <section aria-labelledby="roster-help" class="stack">
        <h3 id="roster-help">{t("rosterHelpTitle")}</h3>
        <p>
          <A href="/admin/roster/guide">{t("rosterGuideLink")}</A>
        </p>
        <p id="roster-samples">{t("rosterSamplesIntro")}</p>
        <ul aria-labelledby="roster-samples">
          <li>
            <a href="/samples/fidelio-sample-oneroster-1.2.zip" download="">
              {t("rosterSample12")}
            </a>
          </li>
          <li>
            <a href="/samples/fidelio-sample-oneroster-1.1.zip" download="">
              {t("rosterSample11")}
            </a>
          </li>
        </ul>
      </section>
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
      <Show when={progress()}>
        {(p) => (
          <div class="stack">
            <label for="roster-progress">{t("rosterProgressLabel")}</label>
            <progress id="roster-progress" max={Math.max(p().total, 1)} value={p().done} aria-valuetext={t("rosterProgress", { done: p().done, total: p().total })} />
          </div>
        )}
      </Show>
      <p role="status">
        {progress() ? t("rosterProgress", { done: progress()!.done, total: progress()!.total }) : counts() ? t("rosterDone", doneCounts(counts()!)) : ""}
      </p>
      <Show when={(counts()?.rolesEndedCount ?? 0) > 0}>
        <p>{t("rosterRolesEnded", { count: counts()!.rolesEndedCount })}</p>
        <ul>
          <For each={counts()!.rolesEnded}>{(person) => <li>{`${person.name}: ${person.roles.map((role) => tCode("role", role)).join(", ")}`}</li>}</For>
        </ul>
      </Show>
      <Show when={rows().length > 0}>
        <DataTable
          caption={t("rosterErrorsCaption")}
          rows={rows()}
          columns={[
            { label: t("colFile"), cell: (row) => row.file },
            { label: t("colLine"), cell: (row) => (row.line > 0 ? row.line : "") },
            { label: t("colField"), cell: (row) => row.field },
            { label: t("colMessage"), cell: (row) => tRosterProblem(row) },
          ]}
        />
      </Show>
    </section>
  );
}
