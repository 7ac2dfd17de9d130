import { A } from "../router";
import { createSignal, For, Show } from "solid-js";
import { localDate } from "@fidelio/core/calendar/zoned";
import type { FieldErrors } from "../api";
import { lang, t } from "../i18n";
import "../strings/rights";
import { formatDate } from "../format";
import { errorText } from "../components/loaded";
import { Field, fieldId } from "../components/field";
import { Alert } from "../components/status";
import { api, call } from "../api";
import { isStale, type ConcernView } from "./data";
import { ClockLine } from "./clock-line";

interface Props {
  concern: ConcernView;
  timeZone: string;
  onDone: (concern: ConcernView) => void;
  onStale: () => void;
}

/** The concern's legal clocks, and for the family (or its advocate) the form that records a state complaint filed. */
export function ConcernClocks(props: Props) {
  const today = () => localDate(new Date(), props.timeZone);
  return (
    <section aria-labelledby="clocks-title" class="clocks">
      <h2 id="clocks-title">{t("clocksTitle")}</h2>
      <ul class="clock-list">
        <For each={props.concern.clocks}>{(clock) => <ClockLine clock={clock} today={today()} />}</For>
      </ul>
      <Show when={props.concern.can.recordStateComplaint}>
        <ComplaintForm concernId={props.concern.id} />
      </Show>
      <Show when={props.concern.can.recordStateComplaint && !props.concern.stateComplaintFiledOn}>
        <RecordStateComplaint concern={props.concern} timeZone={props.timeZone} onDone={props.onDone} onStale={props.onStale} today={today()} />
      </Show>
    </section>
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

function RecordStateComplaint(props: Props & { today: string }) {
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

type BoardClock = {
  kind: string;
  endsOn: string;
  studentId: string;
  studentName: string;
  concernId?: string;
  reference?: string | null;
  recordsRequestId?: string;
};

/** The director's board: the district's legal clocks ending within 30 days, soonest first, each linked to its concern or student. */
export function BoardClocks(props: { clocks: BoardClock[]; records?: boolean }) {
  const id = () => (props.records ? "board-records-title" : "board-clocks-title");
  return (
    <section aria-labelledby={id()}>
      <h2 id={id()}>{t(props.records ? "boardRecordsTitle" : "boardClocksTitle")}</h2>
      <Show when={props.clocks.length > 0} fallback={<p class="empty">{t(props.records ? "boardRecordsNone" : "boardClocksNone")}</p>}>
        <ul class="clock-list">
          <For each={props.clocks}>
            {(clock) => (
              <li class="clock" data-clock={clock.kind}>
                <p class="clock-words">
                  {t(`boardClock.${clock.kind}` as "boardClock.records_request")} · {t("boardClockEnds", { date: formatDate(clock.endsOn) })}
                </p>
                <p>
                  <A href={clock.concernId ? `/concerns/${clock.concernId}` : `/students/${clock.studentId}`}>
                    {[clock.reference, clock.studentName].filter(Boolean).join(" · ")}
                  </A>
                </p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
