import { createResource, createSignal, For, Show } from "solid-js";
import { api, ApiError, call, type Body, type RowError } from "../api";
import { A } from "../router";
import { t, tCode, tError } from "../i18n";
import "../strings/people";
import "../strings/codes";
import "../strings/staff";
import { errorText } from "../components/loaded";
import { Alert } from "../components/status";
import { RosterPlan, RosterProblemTable } from "../components/roster-plan";
import { RosterWithoutEmail } from "../components/roster-without-email";

type Job = Body<Awaited<ReturnType<(typeof api.admin.roster.jobs)[":id"]["$get"]>>>;
type Summary = NonNullable<Job["summary"]>;
type Plan = NonNullable<Job["plan"]>;
type Polled = Omit<Job, "id"> & { id?: string };

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

  const [planned, setPlanned] = createSignal<{ id: string; plan: Plan }>();
  const [typed, setTyped] = createSignal("");
  const [confirmProblem, setConfirmProblem] = createSignal("");
  const [notice, setNotice] = createSignal("");
  const [withoutEmail, { refetch: refetchWithoutEmail }] = createResource(() => call(api.admin.roster["without-email"].$get()));

  /** Polls a job while it has a run to make (planning or writing). */
  async function follow(job: Polled): Promise<Polled> {
    while (job.id && (job.status === "queued" || job.status === "running")) {
      if (job.confirmedAt) setProgress(job.progress);
      await wait(pollMs);
      job = await call(api.admin.roster.jobs[":id"].$get({ param: { id: job.id } }));
    }
    setProgress(undefined);
    return job;
  }

  /** Shows where a job ended: its plan to confirm, its summary, or why it stopped. */
  function show(job: Polled) {
    if (job.status === "awaiting_confirmation" && job.id && job.plan) setPlanned({ id: job.id, plan: job.plan });
    else if (job.error) {
      setRows(job.error.details ?? []);
      setProblem(
        job.error.details?.length
          ? t("rosterRejected")
          : job.error.code === "plan_outdated"
            ? t("rosterPlanOutdated")
            : t("rosterFailed", { message: tError(job.error.code) ?? t("errGeneric") }),
      );
    } else {
      setCounts(job.summary);
      void refetchWithoutEmail();
    }
  }

  function reset() {
    setCounts(undefined);
    setRows([]);
    setProblem("");
    setPlanned(undefined);
    setTyped("");
    setConfirmProblem("");
    setNotice("");
  }

  async function upload(event: SubmitEvent) {
    event.preventDefault();
    reset();
    const files = [...(input.files ?? [])];
    if (files.length === 0) {
      setProblem(t("rosterChooseFile"));
      input.focus();
      return;
    }
    setBusy(true);
    try {
      // The upload is checked at once; the job then plans, and waits for the administrator to confirm.
      setNotice(t("rosterPlanning"));
      show(await follow(await call(api.admin.roster.$post({ form: { files } }))));
    } catch (error) {
      if (error instanceof ApiError && error.rows.length > 0) {
        setRows(error.rows);
        setProblem(t("rosterRejected"));
      } else setProblem(errorText(error));
    } finally {
      setNotice("");
      setProgress(undefined);
      setBusy(false);
    }
  }

  async function confirm(event: SubmitEvent) {
    event.preventDefault();
    const current = planned();
    if (!current) return;
    const plan = current.plan;
    if (plan.needsTypedCount && typed().trim() !== String(plan.endingRoles)) {
      setConfirmProblem(t("rosterTypeCountWrong", { count: plan.endingRoles }));
      document.getElementById("roster-count")?.focus();
      return;
    }
    setConfirmProblem("");
    setBusy(true);
    try {
      const json = plan.needsTypedCount ? { endCount: plan.endingRoles } : {};
      const job = await call(api.admin.roster.jobs[":id"].confirm.$post({ param: { id: current.id }, json }));
      setPlanned(undefined);
      show(await follow(job));
    } catch (error) {
      if (error instanceof ApiError && error.code === "plan_outdated") {
        setPlanned(undefined);
        setProblem(t("rosterPlanOutdated"));
      } else if (error instanceof ApiError && error.status === 422) setConfirmProblem(t("rosterTypeCountWrong", { count: plan.endingRoles }));
      else setConfirmProblem(errorText(error));
    } finally {
      setProgress(undefined);
      setBusy(false);
    }
  }

  async function discard() {
    const current = planned();
    if (!current) return;
    setBusy(true);
    try {
      const response = await api.admin.roster.jobs[":id"].$delete({ param: { id: current.id } });
      if (!response.ok && Number(response.status) !== 404) throw new ApiError(response.status, "error", String(response.status));
      reset();
      setNotice(t("rosterDiscarded"));
    } catch (error) {
      setConfirmProblem(errorText(error));
    } finally {
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
            <progress
              id="roster-progress"
              max={Math.max(p().total, 1)}
              value={p().done}
              aria-valuetext={t("rosterProgress", { done: p().done, total: p().total })}
            />
          </div>
        )}
      </Show>
      <p role="status">
        {progress() ? t("rosterProgress", { done: progress()!.done, total: progress()!.total }) : counts() ? t("rosterDone", doneCounts(counts()!)) : notice()}
      </p>
      <Show when={planned()}>
        {(current) => (
          <section aria-labelledby="roster-plan-title" class="stack">
            <h3 id="roster-plan-title">{t("rosterPlanTitle")}</h3>
            <RosterPlan plan={current().plan} />
            <form onSubmit={confirm} novalidate class="stack">
              <Show when={current().plan.needsTypedCount}>
                <label for="roster-count">{t("rosterTypeCount", { count: current().plan.endingRoles })}</label>
                <input
                  id="roster-count"
                  name="endCount"
                  type="text"
                  inputmode="numeric"
                  autocomplete="off"
                  value={typed()}
                  onInput={(e) => setTyped(e.currentTarget.value)}
                  aria-invalid={!!confirmProblem()}
                  aria-describedby={confirmProblem() ? "roster-confirm-error" : undefined}
                />
              </Show>
              <Show when={confirmProblem()}>
                <Alert id="roster-confirm-error">{confirmProblem()}</Alert>
              </Show>
              <div class="button-row">
                <button type="submit" disabled={busy()}>
                  {t("rosterConfirm")}
                </button>
                <button type="button" class="button-secondary" disabled={busy()} onClick={discard}>
                  {t("rosterDiscard")}
                </button>
              </div>
            </form>
          </section>
        )}
      </Show>
      <Show when={(counts()?.rolesEndedCount ?? 0) > 0}>
        <p>{t("rosterRolesEnded", { count: counts()!.rolesEndedCount })}</p>
        <ul>
          <For each={counts()!.rolesEnded}>{(person) => <li>{`${person.name}: ${person.roles.map((role) => tCode("role", role)).join(", ")}`}</li>}</For>
        </ul>
      </Show>
      <Show when={rows().length > 0}>
        <RosterProblemTable caption={t("rosterErrorsCaption")} rows={rows()} />
      </Show>
      <RosterWithoutEmail people={withoutEmail} />
    </section>
  );
}
