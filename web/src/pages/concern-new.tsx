import { A, useNavigate, useParams, useSearchParams } from "../router";
import { createEffect, createResource, createSignal, For, Show } from "solid-js";
import { api, ApiError, call, type FieldErrors, type Problem } from "../api";
import { t, tProblem } from "../i18n";
import "../strings/pages";
import "../strings/concerns";
import "../strings/concern-form";
import { usePageTitle } from "../components/page-title";
import { Loaded, errorText } from "../components/loaded";
import { Alert } from "../components/status";
import { Field, fieldId } from "../components/field";
import { TextAreaField } from "../components/text-area-field";
import { AccessDeniedContent } from "./not-found";
import type { StudentDetail } from "./student";
import { fileConcern } from "../concerns/data";
import { clearDraft, emptyDraft, hasContent, readDraft, saveDraft, type ConcernDraft } from "../concerns/draft";

const loadStudent = (id: string) => call(api.students[":id"].$get({ param: { id } }));

/** "Raise a concern": a parent picks the IEP supports that are not happening, in their words. */
export function ConcernNew() {
  const params = useParams<{ id: string }>();
  const [detail, { refetch }] = createResource(() => params.id, loadStudent);
  usePageTitle(() => t("raiseConcern"));
  return (
    <Loaded resource={detail} what={t("whatRecord")} onRetry={refetch}>
      {(loaded) => (
        <Show when={loaded().can.fileConcern} fallback={<AccessDeniedContent />}>
          <ConcernForm detail={loaded()} />
        </Show>
      )}
    </Loaded>
  );
}

// Each field's problems by its path, in the reader's language; an item the API refused marks the whole group.
const fieldMessages = (problems: Problem[]): FieldErrors => {
  const fields: FieldErrors = {};
  for (const problem of problems) {
    const path = problem.field.startsWith("itemIds") ? "itemIds" : problem.field || "form";
    const list = (fields[path] ??= []);
    const text = tProblem(problem);
    if (!list.includes(text)) list.push(text);
  }
  return fields;
};

const order = ["itemIds", "classId", "happenedOn", "description", "desiredResolution", "advocateEmail"];

function ConcernForm(props: { detail: StudentDetail }) {
  const navigate = useNavigate();
  const student = () => props.detail.student;
  const stored = readDraft(student().id);
  // One signal holds the draft (a plain object, as kept on this device): each change makes a new one.
  const [draft, replaceDraft] = createSignal<ConcernDraft>(stored ?? emptyDraft());
  const setDraft = <K extends keyof ConcernDraft>(key: K, value: ConcernDraft[K] | ((old: ConcernDraft[K]) => ConcernDraft[K])) =>
    replaceDraft((old) => ({ ...old, [key]: typeof value === "function" ? (value as (old: ConcernDraft[K]) => ConcernDraft[K])(old[key]) : value }));
  const restored = !!stored && hasContent(stored);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  // Every change is kept on the device, so a closed tab or a dropped phone loses nothing.
  createEffect(() => saveDraft(student().id, draft()));

  const supports = () => {
    const iep = props.detail.iep;
    if (!iep) return [];
    return [
      ...iep.accommodations.map((a) => ({ id: a.id, text: a.text })),
      ...iep.modifications.map((m) => ({ id: m.id, text: m.text })),
      ...iep.services.map((s) => ({ id: s.id, text: `${s.name} (${t("minutesPerWeek", { minutes: s.minutesPerWeek })})` })),
    ];
  };
  // "Raise a concern about this" on the parent's weekly view names the support: it starts ticked.
  const [search] = useSearchParams();
  const named = typeof search.item === "string" ? search.item : undefined;
  if (named && supports().some((item) => item.id === named) && !draft().itemIds.includes(named)) setDraft("itemIds", (ids) => [...ids, named]);
  const toggle = (id: string, on: boolean) => setDraft("itemIds", (ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));

  const showInvalid = (problems: Problem[]) => {
    const fields = fieldMessages(problems);
    setErrors(fields);
    const first = order.find((path) => fields[path]);
    if (!first) return;
    const target = first === "itemIds" ? document.querySelector<HTMLInputElement>("#field-itemIds input") : document.getElementById(fieldId(first));
    target?.focus();
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setFailure("");
    const d = draft();
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const body = {
      studentId: student().id,
      itemIds: [...d.itemIds],
      classId: d.classId || undefined,
      happenedOn: d.happenedOn || undefined,
      description: d.description,
      desiredResolution: optional(d.desiredResolution),
      advocateEmail: optional(d.advocateEmail),
    };
    // The API checks the filing (core's FileConcern schema) and names each field's problem in a 400,
    // shown under the field as a check here would: the page does not download the validation library.
    setErrors({});
    setBusy(true);
    try {
      const concern = await fileConcern(body, d.idempotencyKey);
      clearDraft(student().id);
      navigate(`/concerns/${concern.id}`, { state: { filed: true } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problems.length > 0) showInvalid(error.problems);
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const startOver = () => {
    clearDraft(student().id);
    replaceDraft(emptyDraft());
    setErrors({});
  };

  const groupMessages = () => errors().itemIds ?? [];
  return (
    <>
      <h1>{t("raiseConcernAbout", { name: student().name })}</h1>
      <p>{t("raiseIntro")}</p>
      <Show when={restored}>
        <p class="notice">{t("draftRestored")}</p>
      </Show>
      <Show when={supports().length > 0} fallback={<p class="empty">{t("noSupports")}</p>}>
        <form onSubmit={submit} novalidate class="stack concern-form">
          <Show when={Object.keys(errors()).length > 0}>
            <div class="alert" role="alert">
              <p>{t("fixFields")}</p>
            </div>
          </Show>
          <fieldset id="field-itemIds" aria-describedby={["field-itemIds-hint", groupMessages().length > 0 && "field-itemIds-error"].filter(Boolean).join(" ")}>
            <legend>{t("pickSupports")}</legend>
            <p id="field-itemIds-hint" class="hint">
              {t("pickSupportsHint")}
            </p>
            <ul class="check-list">
              <For each={supports()}>
                {(item) => (
                  <li class="check">
                    <input
                      id={`support-${item.id}`}
                      type="checkbox"
                      checked={draft().itemIds.includes(item.id)}
                      onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                    />
                    <label for={`support-${item.id}`}>{item.text}</label>
                  </li>
                )}
              </For>
            </ul>
            <Show when={groupMessages().length > 0}>
              <p id="field-itemIds-error" class="field-error">
                {groupMessages().join(" ")}
              </p>
            </Show>
          </fieldset>
          <div class="field">
            <label for={fieldId("classId")}>{t("whichClass")}</label>
            <p id="field-classId-hint" class="hint">
              {t("whichClassHint")}
            </p>
            <select
              id={fieldId("classId")}
              aria-describedby={["field-classId-hint", errors().classId && "field-classId-error"].filter(Boolean).join(" ")}
              onChange={(e) => setDraft("classId", e.currentTarget.value)}
            >
              <option value="">{t("noClass")}</option>
              <For each={props.detail.classes}>
                {(c) => (
                  <option value={c.id} selected={draft().classId === c.id}>
                    {t("classWithTeacher", { title: c.title, teacher: c.teacherName })}
                  </option>
                )}
              </For>
            </select>
            <Show when={errors().classId}>
              {(messages) => (
                <p id="field-classId-error" class="field-error">
                  {messages().join(" ")}
                </p>
              )}
            </Show>
          </div>
          <Field
            label={t("whenHappened")}
            hint={t("whenHappenedHint")}
            type="date"
            path="happenedOn"
            max={new Date().toISOString().slice(0, 10)}
            errors={errors()}
            value={draft().happenedOn}
            onValue={(value) => setDraft("happenedOn", value)}
            class="short"
          />
          <TextAreaField
            label={t("whatHappened")}
            hint={t("whatHappenedHint")}
            path="description"
            required
            maxLength={4000}
            errors={errors()}
            value={draft().description}
            onValue={(value) => setDraft("description", value)}
          />
          <TextAreaField
            label={t("whatWouldFix")}
            path="desiredResolution"
            maxLength={2000}
            errors={errors()}
            value={draft().desiredResolution}
            onValue={(value) => setDraft("desiredResolution", value)}
          />
          <Field
            label={t("advocateEmailLabel")}
            hint={t("advocateEmailHint")}
            type="email"
            autocomplete="email"
            path="advocateEmail"
            errors={errors()}
            value={draft().advocateEmail}
            onValue={(value) => setDraft("advocateEmail", value)}
          />
          <p class="hint">{t("draftKept")}</p>
          <Show when={failure()}>
            <Alert>{failure()}</Alert>
          </Show>
          <div class="button-row">
            <button type="submit" disabled={busy()} aria-disabled={busy()}>
              {busy() ? t("sendingConcern") : t("sendConcern")}
            </button>
            <button type="button" class="button-secondary" onClick={startOver}>
              {t("discardDraft")}
            </button>
          </div>
        </form>
      </Show>
      <p>
        <A href={`/students/${student().id}`}>{t("backToStudent", { name: student().name })}</A>
      </p>
    </>
  );
}
