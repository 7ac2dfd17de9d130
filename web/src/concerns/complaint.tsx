import { createSignal, Show } from "solid-js";
import type { FieldErrors } from "../api";
import { lang, t } from "../i18n";
import "../strings/complaint-form";
import { errorText } from "../components/loaded";
import { Field, fieldId } from "../components/field";
import { Alert } from "../components/status";
import { api, call } from "../api";
import { isStale, type ConcernView } from "./data";

interface Props {
  concern: ConcernView;
  timeZone: string;
  onDone: (concern: ConcernView) => void;
  onStale: () => void;
  /** The district's today (YYYY-MM-DD): the day filed may not be after it. */
  today: string;
}

/** The state complaint's forms, opened from the concern's clocks: the printable complaint, and the day one was filed (until it is recorded). */
export function StateComplaint(props: Props) {
  return (
    <>
      <ComplaintForm concernId={props.concern.id} />
      <Show when={!props.concern.stateComplaintFiledOn}>
        <RecordStateComplaint concern={props.concern} timeZone={props.timeZone} onDone={props.onDone} onStale={props.onStale} today={props.today} />
      </Show>
    </>
  );
}

/** Opens the printable state complaint (a plain GET form): the address goes into that one page, never stored. */
function ComplaintForm(props: { concernId: string }) {
  return (
    <form
      class="stack action-form"
      method="get"
      action={`/api/concerns/${props.concernId}/packet`}
      target="_blank"
      rel="noopener"
      aria-labelledby="complaint-form-title"
    >
      <h3 id="complaint-form-title">{t("complaintFormTitle")}</h3>
      <p>{t("complaintFormIntro")}</p>
      <input type="hidden" name="form" value="state-complaint" />
      <input type="hidden" name="lang" value={lang()} />
      <div class="field">
        <label for="complaint-address">{t("complaintFormAddress")}</label>
        <input id="complaint-address" name="address" type="text" maxLength={300} autocomplete="street-address" />
      </div>
      <button type="submit" class="button-secondary">
        {t("complaintFormOpen")}
      </button>
    </form>
  );
}

function RecordStateComplaint(props: Props) {
  const [filedOn, setFiledOn] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const invalid = (message: string) => {
    setErrors({ filedOn: [message] });
    document.getElementById(fieldId("filedOn"))?.focus();
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setFailure("");
    if (!filedOn()) return invalid(t("clocksFiledOnRequired"));
    if (filedOn() > props.today) return invalid(t("clocksFiledOnFuture"));
    setErrors({});
    setBusy(true);
    try {
      const json = { action: "record_state_complaint" as const, version: props.concern.version, filedOn: filedOn() };
      props.onDone(await call(api.concerns[":id"].actions.$post({ param: { id: props.concern.id }, json })));
    } catch (error) {
      if (isStale(error)) props.onStale();
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack action-form" novalidate onSubmit={submit} aria-labelledby="record-complaint-title">
      <h3 id="record-complaint-title">{t("clocksRecordTitle")}</h3>
      <Field
        label={t("clocksFiledOn")}
        hint={t("clocksRecordIntro")}
        type="date"
        path="filedOn"
        max={props.today}
        required
        errors={errors()}
        value={filedOn()}
        onValue={setFiledOn}
        class="short"
      />
      <Show when={failure()}>
        <Alert>{failure()}</Alert>
      </Show>
      <button type="submit" class="button-secondary" disabled={busy()}>
        {t("clocksRecord")}
      </button>
    </form>
  );
}
