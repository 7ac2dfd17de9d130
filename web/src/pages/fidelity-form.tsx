import { A, useParams } from "../router";
import { createResource, createSignal, For, Show } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { ApiError } from "../api";
import { t, tProblem } from "../i18n";
import "../strings/pages";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/compensatory";
import { formatDate, formatDateTime } from "../format";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { errorText, Loaded } from "../components/loaded";
import { Alert } from "../components/status";
import { AccommodationAnswers, ServiceSessions } from "../components/form-items";
import { SaveStatus } from "../components/save-status";
import { acknowledgeIep, loadForm, loadForms, saveForm, submitForm, type FormDetail, type FormSummary, type SubmitBlocker } from "../fidelity/data";
import { SubmitBlockers } from "../components/submit-blockers";
import type { FidelityForm as FidelityFormRecord } from "@fidelio/core/fidelity/schema";
import { createAutosave } from "../fidelity/autosave";
import { describeChanges, draftOf, makeUpToSend, needsNote, payloadOf, prefillFrom, type FormDraft } from "../fidelity/form-draft";
import { makeUpErrorKey, type MakeUpErrors } from "../components/make-up-sessions";
import { weekStart } from "@fidelio/core/fidelity/week";
import { isMiss } from "@fidelio/core/fidelity/answers";
import "../strings/support";
import { TeamNote } from "../help/team-note";

export function FidelityForm() {
  const params = useParams<{ id: string }>();
  const [form, { refetch }] = createResource(() => params.id, loadForm);
  return (
    <Loaded resource={form} what={t("whatForm")} onRetry={refetch}>
      {(loaded) => (
        // A new form (the "next form" link) starts a fresh editor, not one holding the last form's draft.
        <Show when={loaded()} keyed>
          {(loadedForm) => <FormView form={loadedForm} />}
        </Show>
      )}
    </Loaded>
  );
}

function FormView(props: { form: FormDetail }) {
  const session = useSession();
  const heading = () => t("formTitle", { name: props.form.studentName, date: formatDate(weekStart(props.form.week)) });
  usePageTitle(heading);
  const [current, setCurrent] = createSignal<FidelityFormRecord>(props.form);
  // What the server last said still blocks submitting: every answer is saved anyway, complete or not.
  const [blockers, setBlockers] = createSignal<SubmitBlocker[]>(props.form.blockers ?? []);
  const [draft, setDraft] = createStore<FormDraft>(draftOf(props.form));
  // What the server last told us: a 409 is explained against it.
  let baseline = draftOf(props.form);
  const [version, setVersion] = createSignal(props.form.version);
  const [acknowledged, setAcknowledged] = createSignal(!props.form.acknowledgment?.required);
  const [conflict, setConflict] = createSignal<{ fresh: FormDetail; changes: string[] }>();
  const [message, setMessage] = createSignal("");
  const [failure, setFailure] = createSignal("");
  const [reason, setReason] = createSignal("");
  const [needReason, setNeedReason] = createSignal(props.form.needsReason === "late");
  const [correcting, setCorrecting] = createSignal(false);
  const [next, setNext] = createSignal<FormSummary>();
  const [makeUpErrors, setMakeUpErrors] = createSignal<MakeUpErrors>({});
  // A make-up row the API refused: its problem shown beside the field (params name the service and the row as sent).
  const showMakeUpProblems = (error: unknown) => {
    if (!(error instanceof ApiError) || error.status !== 422) return;
    const out: MakeUpErrors = {};
    for (const p of error.rows as unknown as Array<{ field?: string; code?: string; message: string; params?: Record<string, string | number> }>) {
      const serviceId = p.params?.serviceId;
      const row = p.params?.row;
      if (typeof serviceId !== "string" || typeof row !== "number" || !p.code) continue;
      const index = makeUpToSend(unwrap(draft).makeUp?.[serviceId])[row]?.index;
      if (index !== undefined)
        out[makeUpErrorKey(serviceId, index, p.field?.split(".").at(-1) ?? "minutes")] = tProblem({ code: p.code, params: p.params, message: p.message });
    }
    setMakeUpErrors(out);
  };
  const submitted = () => current().status === "submitted" && !correcting();
  // Not mid-edit: a missing note is pointed out once the answer is saved (or reopened), not while typing.
  const settled = () => autosave.state() !== "pending" && autosave.state() !== "saving";
  const editable = () => acknowledged() && !submitted();

  const accept = (fresh: FidelityFormRecord & { blockers?: SubmitBlocker[] }) => {
    setCurrent(fresh);
    if (fresh.blockers) setBlockers(fresh.blockers);
    setVersion(fresh.version);
    baseline = draftOf(fresh);
  };

  const autosave = createAutosave({
    delay: 700,
    async save() {
      // Every answer is saved as it is; what it still lacks is shown, never a reason to keep it unsaved.
      try {
        const body = { version: version(), ...payloadOf(unwrap(draft)), ...(reason().trim() ? { reason: reason().trim() } : {}) };
        const saved = await saveForm(props.form.id, body);
        setMakeUpErrors({});
        setVersion(saved.version);
        baseline = structuredClone(unwrap(draft));
        setCurrent(saved);
        setBlockers(saved.blockers);
        return "saved";
      } catch (error) {
        if (error instanceof ApiError && error.code === "conflict") {
          const fresh = await loadForm(props.form.id);
          setConflict({ fresh, changes: describeChanges(fresh, baseline, draftOf(fresh)) });
          return "stale";
        }
        if (error instanceof ApiError && error.code === "reason_required") {
          setNeedReason(true);
          return "blocked";
        }
        showMakeUpProblems(error);
        setFailure(errorText(error));
        return "failed";
      }
    },
  });

  // A correction after submitting is one new revision, saved on purpose, not one per keystroke.
  const changed = () => {
    setMessage("");
    if (!correcting()) autosave.changed();
  };

  const sameAsLastWeek = () => {
    if (!props.form.previous) return setMessage(t("noLastWeek"));
    // This week's make-up rows stay as they are.
    setDraft(reconcile({ ...prefillFrom(props.form.previous, props.form), makeUp: structuredClone(unwrap(draft).makeUp) }));
    changed();
    setMessage(t("copiedLastWeek"));
  };

  const acknowledge = async () => {
    try {
      await acknowledgeIep(props.form.studentId, props.form.acknowledgment.version);
      setAcknowledged(true);
      setMessage(t("ackDone"));
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  const resolve = (keep: "theirs" | "mine") => {
    const fresh = conflict()!.fresh;
    setConflict(undefined);
    accept(fresh);
    if (keep === "theirs") {
      setDraft(reconcile(draftOf(fresh)));
      autosave.setState("saved");
    } else {
      autosave.setState("pending");
      void autosave.flush();
    }
  };

  const [busy, setBusy] = createSignal(false);
  const saveCorrection = async () => {
    if (!reason().trim()) {
      setFailure(t("correctionReasonNeeded"));
      return document.getElementById("form-reason")?.focus();
    }
    const saved = await saveForm(props.form.id, { version: version(), ...payloadOf(unwrap(draft)), reason: reason().trim() });
    accept(saved);
    setCorrecting(false);
    setNeedReason(false);
    setReason("");
    setMessage(t("correctionSaved", { revision: saved.revision }));
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setMessage("");
    setFailure("");
    if (props.form.plan.accommodations.some((a) => !draft.accommodations[a.id]?.status)) return setFailure(t("submitNeedsAll"));
    if (Object.values(draft.accommodations).some(needsNote)) return setFailure(t("submitNeedsNotes"));
    if (Object.values(draft.accommodations).some((a) => isMiss(a.status) && !a.reason)) return setFailure(t("submitNeedsBarrier"));
    setBusy(true);
    try {
      if (correcting()) return await saveCorrection();
      await autosave.flush();
      if (autosave.state() !== "saved" && autosave.state() !== "idle") return;
      accept(await submitForm(props.form.id, { version: version(), ...(reason().trim() ? { reason: reason().trim() } : {}) }));
      setCorrecting(false);
      setMessage(t("submittedDone"));
      const { items } = await loadForms(props.form.week);
      setNext(items.find((f) => f.id !== props.form.id && f.status !== "submitted"));
    } catch (error) {
      if (error instanceof ApiError && error.code === "acknowledgment_required") setAcknowledged(false);
      if (error instanceof ApiError && error.code === "reason_required") setNeedReason(true);
      showMakeUpProblems(error);
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <A href="/fidelity">{t("backToWeek")}</A>
      </p>
      <h1>{heading()}</h1>
      <p class="muted">{t("formIntro")}</p>
      <Show when={!acknowledged()}>
        <section class="notice" aria-labelledby="ack-title">
          <h2 id="ack-title">{t("ackTitle", { name: props.form.studentName })}</h2>
          <p>{t("ackIntro", { version: props.form.acknowledgment.version })}</p>
          <ul>
            <For each={props.form.plan.accommodations}>{(a) => <li>{a.text}</li>}</For>
            <For each={props.form.plan.services}>{(s) => <li>{`${s.name}: ${t("minutesPerWeek", { minutes: s.minutesPerWeek })}`}</li>}</For>
          </ul>
          <button type="button" onClick={acknowledge}>
            {t("ackButton")}
          </button>
        </section>
      </Show>
      <Show when={current().status === "submitted" && !correcting()}>
        <p class="notice">
          {t("submittedOn", {
            when: current().submittedAt ? formatDateTime(current().submittedAt!, session.me()?.district.timeZone ?? "America/Los_Angeles") : "",
          })}
        </p>
        <button type="button" class="button-secondary" onClick={() => (setCorrecting(true), setNeedReason(true))}>
          {t("startCorrection")}
        </button>
      </Show>
      <form class="fidelity-form" onSubmit={submit} novalidate>
        <Show when={editable()}>
          <div class="form-tools">
            <button type="button" class="button-secondary big" aria-describedby="same-hint" onClick={sameAsLastWeek}>
              {t("sameAsLastWeek")}
            </button>
            <p id="same-hint" class="hint">
              {t("sameAsLastWeekHint")}
            </p>
          </div>
        </Show>
        <Show when={!submitted() && acknowledged()}>
          <SubmitBlockers blockers={blockers()} plan={props.form.plan} />
        </Show>
        <SaveStatus
          hidden={correcting()}
          state={autosave.state()}
          onRetry={() => void autosave.flush()}
          failure={failure()}
          blocked={needReason() && !reason().trim() ? t("lateWeekReason") : t("noteNeeded")}
        />
        <Show when={conflict()}>
          {(c) => (
            <div class="alert" role="alert">
              <p>{t("staleTitle")}</p>
              <Show when={c().changes.length > 0} fallback={<p class="alert-why">{t("staleNothing")}</p>}>
                <p class="alert-why">{t("staleChanged")}</p>
                <ul class="alert-why">
                  <For each={c().changes}>{(line) => <li>{line}</li>}</For>
                </ul>
              </Show>
              <div class="button-row">
                <button type="button" onClick={() => resolve("theirs")}>
                  {t("keepTheirs")}
                </button>
                <button type="button" class="button-secondary" onClick={() => resolve("mine")}>
                  {t("keepMine")}
                </button>
              </div>
            </div>
          )}
        </Show>
        <Show when={needReason() && editable()}>
          <div class="field">
            <label for="form-reason">{correcting() ? t("correctionReason") : t("lateWeekReason")}</label>
            <input id="form-reason" maxLength={300} value={reason()} onInput={(e) => (setReason(e.currentTarget.value), changed())} />
          </div>
        </Show>
        <fieldset class="plain" disabled={!editable()}>
          <legend class="visually-hidden">{heading()}</legend>
          <Show when={props.form.plan.accommodations.length > 0}>
            <h2>{t("accommodations")}</h2>
            <AccommodationAnswers form={props.form} draft={draft} setDraft={setDraft} onChange={changed} showProblems={settled()} />
          </Show>
          <Show when={props.form.plan.services.length > 0}>
            <h2>{t("services")}</h2>
            <ServiceSessions
              form={props.form}
              draft={draft}
              setDraft={setDraft}
              onChange={changed}
              showProblems={autosave.state() === "blocked"}
              makeUpErrors={makeUpErrors()}
            />
          </Show>
        </fieldset>
        <p role="status">{message()}</p>
        <Show when={failure() && autosave.state() !== "failed"}>
          <Alert>{failure()}</Alert>
        </Show>
        <Show when={editable()}>
          <button type="submit" class="big" disabled={busy()}>
            {busy() ? t("submitting") : correcting() ? t("saveCorrection") : t("submitForm")}
          </button>
        </Show>
        <Show when={next()}>
          {(form) => (
            <p>
              <A href={`/fidelity/forms/${encodeURIComponent(form().id)}`}>{t("nextForm", { name: form().studentName })}</A>
            </p>
          )}
        </Show>
      </form>
      <TeamNote studentId={props.form.studentId} week={props.form.week} />
    </>
  );
}
