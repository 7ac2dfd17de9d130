import { A, useParams } from "../router";
import { createResource, createSignal, For, Show } from "solid-js";
import { t, type StringKey } from "../i18n";
import "../strings/pages";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/support";
import { formatDate } from "../format";
import { usePageTitle } from "../components/page-title";
import { errorText, Loaded } from "../components/loaded";
import { Alert } from "../components/status";
import { SaveStatus } from "../components/save-status";
import { accommodationStatuses, barrierReasons, isMiss } from "@fidelio/core/fidelity/answers";
import { weekStart } from "@fidelio/core/fidelity/week";
import { createRow, loadClassWeek, submitClassWeek, type Blocker, type ClassWeek, type Row } from "../fidelity/class-week";
import { needsNote } from "../fidelity/form-draft";
import { HelpedChoice } from "../components/helped-choice";
import { NeedHelp } from "../help/need-help";
import { TeamNoteDisclosure } from "../help/team-note";

/** A class's week on one screen: every student with an IEP in the class, their supports, one submit. */
export function FidelityClass() {
  const params = useParams<{ classId: string; week: string }>();
  const [week, { refetch }] = createResource(
    () => ({ classId: params.classId, week: params.week }),
    (p) => loadClassWeek(p.classId, p.week),
  );
  return (
    <Loaded resource={week} what={t("whatClassWeek")} onRetry={refetch}>
      {(loaded) => (
        <Show when={loaded()} keyed>
          {(data) => <ClassView week={data} />}
        </Show>
      )}
    </Loaded>
  );
}

function ClassView(props: { week: ClassWeek }) {
  const heading = () => t("classWeekTitle", { title: props.week.title, date: formatDate(weekStart(props.week.week)) });
  usePageTitle(heading);
  const rows = props.week.forms.map(createRow);
  const [lateReason, setLateReason] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal("");
  const [failure, setFailure] = createSignal("");
  const open = () => rows.filter((r) => !r.submitted());

  const allProvided = () => {
    for (const row of rows) row.fillProvided();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setMessage("");
    setFailure("");
    setBusy(true);
    try {
      await Promise.all(rows.map((r) => r.autosave.flush()));
      const sending = open().filter((r) => r.problem() !== "conflict");
      if (!sending.length) return;
      const reason = lateReason().trim();
      const { results } = await submitClassWeek(props.week.classId, props.week.week, {
        forms: sending.map((r) => ({ id: r.form.id, ...r.body(), ...(reason ? { reason } : {}) })),
      });
      for (const result of results) rows.find((r) => r.form.id === result.id)?.accept(result);
      setMessage(
        open().length === 0 ? t("classAllSubmitted") : t("classResult", { done: results.filter((r) => r.status === 200).length, total: sending.length }),
      );
      // Keyboard-first: the first student still open takes the focus, its problems listed under its name.
      const first = open()[0];
      if (first) document.getElementById(`row-${first.form.id}`)?.focus();
    } catch (error) {
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
      <p class="muted">{t("classWeekIntro")}</p>
      <form class="fidelity-form class-week" onSubmit={submit} novalidate>
        <Show when={open().length > 0} fallback={<p class="notice done">{t("classAllSubmitted")}</p>}>
          <div class="form-tools">
            <button type="button" class="button-secondary big" aria-describedby="all-hint" onClick={allProvided}>
              {t("allProvidedClass")}
            </button>
            <p id="all-hint" class="hint">
              {t("allProvidedClassHint")}
            </p>
          </div>
        </Show>
        <Show when={props.week.late && open().length > 0}>
          <div class="field">
            <label for="class-late-reason">{t("classLateReason")}</label>
            <input id="class-late-reason" maxLength={300} value={lateReason()} onInput={(e) => setLateReason(e.currentTarget.value)} />
          </div>
        </Show>
        <For each={rows}>{(row, index) => <StudentRow row={row} index={index()} />}</For>
        <p role="status">{message()}</p>
        <Show when={failure()}>
          <Alert>{failure()}</Alert>
        </Show>
        <Show when={open().length > 0}>
          <button type="submit" class="big" disabled={busy()}>
            {busy() ? t("submittingClass") : t("submitClass")}
          </button>
        </Show>
      </form>
    </>
  );
}

/** One student: the supports that apply in the class, each answered with one choice; a miss names its barrier. */
function StudentRow(props: { row: Row; index: number }) {
  const row = props.row;
  const name = row.form.studentName;
  const items = row.form.plan.accommodations.filter((a) => row.form.classItemIds.includes(a.id));
  const formHref = `/fidelity/forms/${encodeURIComponent(row.form.id)}`;
  return (
    <section class="class-row" id={`row-${row.form.id}`} tabindex="-1" aria-labelledby={`name-${props.index}`}>
      <div class="class-row-head">
        <h2 id={`name-${props.index}`}>{name}</h2>
        <Show
          when={!row.submitted()}
          fallback={
            <p class="form-state state-submitted">
              {t("rowSubmitted")} · <A href={formHref}>{t("openStudentForm", { name })}</A>
            </p>
          }
        >
          <button type="button" class="button-secondary" onClick={() => row.fillProvided()}>
            {t("allProvidedStudent", { name })}
          </button>
        </Show>
      </div>
      <RowProblems row={row} items={items} formHref={formHref} />
      <fieldset class="plain" disabled={row.submitted()}>
        <legend class="visually-hidden">{name}</legend>
        <For each={items}>
          {(item, i) => {
            const id = `c${props.index}-${i()}`;
            const answer = () => row.draft.accommodations[item.id] ?? { status: undefined, note: "", reason: undefined };
            const set = (change: Partial<ReturnType<typeof answer>>) => row.setAnswer(item.id, { ...answer(), ...change });
            return (
              <fieldset class="answer compact">
                <legend>{item.text}</legend>
                <div class="choices">
                  <For each={accommodationStatuses}>
                    {(status) => (
                      <label class="choice">
                        <input
                          type="radio"
                          name={id}
                          value={status}
                          checked={answer().status === status}
                          onChange={() =>
                            set({ status, ...(isMiss(status) ? {} : { reason: undefined }), ...(status === "provided" ? {} : { helped: undefined }) })
                          }
                        />
                        <span>{t(`acc.${status}` as StringKey)}</span>
                      </label>
                    )}
                  </For>
                </div>
                <Show when={answer().status === "provided"}>
                  <HelpedChoice id={`${id}-helped`} value={answer().helped} onChange={(helped) => set({ helped })} />
                </Show>
                <Show when={isMiss(answer().status)}>
                  <fieldset class="barrier" aria-describedby={answer().reason ? undefined : `${id}-why`}>
                    <legend>{t("barrierLegend")}</legend>
                    <p class="hint" id={`${id}-why`} hidden={!!answer().reason}>
                      {t("barrierMissing")}
                    </p>
                    <div class="choices">
                      <For each={barrierReasons}>
                        {(reason) => (
                          <label class="choice">
                            <input type="radio" name={`${id}-reason`} value={reason} checked={answer().reason === reason} onChange={() => set({ reason })} />
                            <span>{t(`barrier.${reason}` as StringKey)}</span>
                          </label>
                        )}
                      </For>
                    </div>
                  </fieldset>
                </Show>
                <Show when={answer().status === "not_applicable" || isMiss(answer().status)}>
                  <div class="field">
                    <label for={`${id}-note`}>{needsNote({ ...answer(), note: "" }) ? t("itemNoteRequired") : t("itemNote")}</label>
                    <input id={`${id}-note`} maxLength={300} value={answer().note} onInput={(e) => set({ note: e.currentTarget.value })} />
                  </div>
                </Show>
                <NeedHelp id={`${id}-help`} checked={!!answer().needsHelp} onChange={(needsHelp) => set({ needsHelp })} />
              </fieldset>
            );
          }}
        </For>
        <Show when={row.form.modifications.length > 0}>
          <h3>{t("modificationsEveryClass")}</h3>
          <ul class="modifications">
            <For each={row.form.modifications}>{(m) => <li>{m.text}</li>}</For>
          </ul>
        </Show>
        <Show when={row.form.plan.services.length > 0}>
          <p class="hint">
            {t("servicesOnForm", { name })} <A href={formHref}>{t("openStudentForm", { name })}</A>
          </p>
        </Show>
        <div class="field">
          <label for={`note-${props.index}`}>{t("studentNote", { name })}</label>
          <textarea id={`note-${props.index}`} rows={1} maxLength={500} value={row.note()} onInput={(e) => row.setNote(e.currentTarget.value)} />
        </div>
      </fieldset>
      <Show when={!row.submitted()}>
        <SaveStatus state={row.autosave.state()} onRetry={() => void row.autosave.flush()} failure={row.failure()} blocked={t("noteNeeded")} />
      </Show>
      {/* Outside the answers: the team note stays open to both after the form is submitted. */}
      <TeamNoteDisclosure studentId={row.form.studentId} week={row.form.week} name={name} id={`team-note-${props.index}`} />
    </section>
  );
}

/** What the class submit said of this student, when it was not submitted. */
function RowProblems(props: { row: Row; items: Array<{ id: string; text: string }>; formHref: string }) {
  const row = props.row;
  const name = row.form.studentName;
  const textOf = (itemId: string) => row.form.plan.accommodations.find((a) => a.id === itemId)?.text ?? itemId;
  const line = (b: Blocker) => {
    if (b.code === "note_required") return t("blockerNote", { item: textOf(b.itemId) });
    if (b.code === "unanswered") return t("blockerUnanswered", { item: textOf(b.itemId) });
    if (b.code === "barrier_required") return t("blockerBarrier", { item: textOf(b.itemId) });
    if (b.code === "reason_required") return t("blockerReason");
    return t("rowAck", { name });
  };
  return (
    <>
      <Show when={row.problem() === "conflict"}>
        <div class="alert" role="alert">
          <p>{t("rowConflict")}</p>
          <button type="button" onClick={() => void row.reload()}>
            {t("reloadRow", { name })}
          </button>
        </div>
      </Show>
      <Show when={(row.problem() === "blocked" || row.problem() === "ack") && !row.submitted()}>
        <div class="notice">
          <p>{t("rowNotSubmitted")}</p>
          <ul>
            <For each={row.blockers()}>{(b) => <li>{line(b)}</li>}</For>
          </ul>
          <Show when={row.problem() === "ack"}>
            <A href={props.formHref}>{t("openStudentForm", { name })}</A>
          </Show>
        </div>
      </Show>
    </>
  );
}
