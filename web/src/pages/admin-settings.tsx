import { createResource, createSignal, For, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import * as v from "valibot";
import { DistrictUpdate } from "@fidelio/core/district/schema";
import { problemsOf } from "@fidelio/core/problem";
import { api, ApiError, call, type FieldErrors, type Problem } from "../api";
import { t, tProblem } from "../i18n";
import "../strings/pages";
import "../strings/codes";
import "../strings/staff";
import "../strings/help";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { AccessDeniedContent } from "./not-found";
import { Field, fieldId } from "../components/field";
import { ClosuresEditor, type ClosureDraft } from "../components/closures-editor";
import { Loaded, errorText } from "../components/loaded";
import { Alert } from "../components/status";
import { deadlinesOf, ownPaths, toDraft } from "../components/district-draft";
import { deadlineSettings, type DeadlineSetting } from "@fidelio/core/concern/lifecycle";
import { RightsSettings, rightsDraftOf, rightsPaths, rightsPayloadOf, type RightsDraft } from "../components/rights-settings";

const loadDistrict = () => call(api.admin.district.$get());
type District = Awaited<ReturnType<typeof loadDistrict>>;

/** The district settings page; a reader the API does not let change them gets the plain "not available" page. */
export function AdminSettings() {
  const session = useSession();
  usePageTitle(() => t("settingsTitle"));
  return (
    <Show when={session.can("editDistrict")} fallback={<AccessDeniedContent />}>
      <SettingsPage />
    </Show>
  );
}

function SettingsPage() {
  const [district, { refetch }] = createResource(loadDistrict);
  return (
    <>
      <h1>{t("settingsTitle")}</h1>
      <p>{t("settingsBlurb")}</p>
      <Loaded resource={district} what={t("whatSettings")} onRetry={refetch}>
        {(loaded) => <SettingsForm district={loaded()} />}
      </Loaded>
    </>
  );
}

const isDateField = (path: string) => /(firstDay|lastDay|\.from|\.to)$/.test(path);

/**
 * Each field's problems in the reader's language, once each. A date input shows the reader's own
 * format (mm/dd/yyyy, dd/mm/aaaa) and sends "" until the date is whole, so a bad date asks for a
 * whole date their way.
 */
const fieldMessages = (problems: Problem[]): FieldErrors => {
  const fields: FieldErrors = {};
  for (const problem of problems) {
    const text = isDateField(problem.field) && problem.code === "invalid_date" ? t("errDateFormat") : tProblem(problem);
    const list = (fields[problem.field] ??= []);
    if (!list.includes(text)) list.push(text);
  }
  return fields;
};

function SettingsForm(props: { district: District }) {
  const [draft, setDraft] = createStore(toDraft(props.district));
  const [closures, setClosures] = createStore<ClosureDraft[]>(structuredClone(props.district.calendar.closures));
  const [rights, setRights] = createStore<RightsDraft>(rightsDraftOf(props.district));
  const [version, setVersion] = createSignal(props.district.version);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [outcome, setOutcome] = createSignal<"saved" | "invalid" | "stale" | "failed">();
  const [failure, setFailure] = createSignal("");
  const [busy, setBusy] = createSignal(false);

  const reset = (fresh: District) => {
    setDraft(toDraft(fresh));
    setClosures(reconcile(structuredClone(fresh.calendar.closures)));
    setRights(reconcile(rightsDraftOf(fresh)));
    setVersion(fresh.version);
    setErrors({});
  };
  const allPaths = () => [...ownPaths(closures.length), ...rightsPaths];
  const otherErrors = () => Object.entries(errors()).flatMap(([path, messages]) => (allPaths().includes(path) ? [] : messages));
  const showInvalid = (problems: Problem[]) => {
    const fields = fieldMessages(problems);
    setErrors(fields);
    setOutcome("invalid");
    const first = allPaths().find((path) => fields[path]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setOutcome(undefined);
    const payload = {
      calendar: { firstDay: draft.firstDay, lastDay: draft.lastDay, closures: closures.map((c) => ({ ...c })) },
      deadlines: deadlinesOf(draft),
      fidelityGraceDays: Number(draft.grace),
      helpRequestDueSchoolDays: Number(draft.helpDays),
      ...rightsPayloadOf(rights),
      version: version(),
    };
    const checked = v.safeParse(DistrictUpdate, payload);
    if (!checked.success) return showInvalid(problemsOf(checked.issues));
    setBusy(true);
    try {
      reset(await call(api.admin.district.$put({ json: checked.output })));
      setOutcome("saved");
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) showInvalid(error.problems);
      else if (error instanceof ApiError && error.status === 409) setOutcome("stale");
      else {
        setFailure(errorText(error));
        setOutcome("failed");
      }
    } finally {
      setBusy(false);
    }
  }

  async function reload() {
    setOutcome(undefined);
    try {
      reset(await loadDistrict());
    } catch (error) {
      setFailure(errorText(error));
      setOutcome("failed");
    }
  }

  const number = (key: DeadlineSetting | "grace", label: string, path: string, min: number) => (
    <Field
      label={label}
      path={path}
      errors={errors()}
      value={draft[key]}
      onValue={(value) => setDraft(key, value)}
      type="number"
      inputmode="numeric"
      min={min}
      max={key === "grace" ? 10 : 60}
      step="1"
      class="short"
    />
  );

  return (
    <form onSubmit={save} novalidate class="stack settings">
      <Show when={outcome() === "invalid"}>
        <div class="alert" role="alert">
          <p>{t("fixFields")}</p>
          <Show when={otherErrors().length > 0}>
            <ul>
              <For each={otherErrors()}>{(message) => <li>{message}</li>}</For>
            </ul>
          </Show>
        </div>
      </Show>
      <fieldset>
        <legend>{t("calendarLegend")}</legend>
        <div class="field-row">
          <Field
            label={t("firstDay")}
            type="date"
            path="calendar.firstDay"
            errors={errors()}
            value={draft.firstDay}
            onValue={(value) => setDraft("firstDay", value)}
          />
          <Field
            label={t("lastDay")}
            type="date"
            path="calendar.lastDay"
            errors={errors()}
            value={draft.lastDay}
            onValue={(value) => setDraft("lastDay", value)}
          />
        </div>
      </fieldset>
      <ClosuresEditor
        closures={closures}
        setClosures={setClosures}
        errors={errors()}
        onRowsChange={() => {
          setErrors({});
          setOutcome(undefined);
        }}
      />
      <fieldset>
        <legend>{t("deadlinesLegend")}</legend>
        <div class="field-row">
          <For each={deadlineSettings}>{({ setting, message }) => number(setting, t(message), `deadlines.${setting}`, 1)}</For>
        </div>
      </fieldset>
      {number("grace", t("graceDays"), "fidelityGraceDays", 0)}
      <Field
        label={t("help.dueDaysSetting")}
        hint={t("help.dueDaysHint")}
        path="helpRequestDueSchoolDays"
        errors={errors()}
        value={draft.helpDays}
        onValue={(value) => setDraft("helpDays", value)}
        type="number"
        inputmode="numeric"
        min={1}
        max={60}
        step="1"
        class="short"
      />
      <RightsSettings draft={rights} setDraft={setRights} errors={errors()} />
      <Show when={outcome() === "stale"}>
        <div class="alert" role="alert">
          <p>{t("staleSettings")}</p>
          <button type="button" onClick={reload}>
            {t("reload")}
          </button>
        </div>
      </Show>
      <Show when={outcome() === "failed"}>
        <Alert>{failure()}</Alert>
      </Show>
      <p role="status">{outcome() === "saved" ? t("settingsSaved") : ""}</p>
      <button type="submit" disabled={busy()}>
        {busy() ? t("saving") : t("saveSettings")}
      </button>
    </form>
  );
}
