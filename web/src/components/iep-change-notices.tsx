import { A } from "../router";
import { createResource, createSignal, For, Show } from "solid-js";
import { t } from "../i18n";
import "../strings/fidelity";
import "../strings/fidelity-view";
import { formatDate } from "../format";
import { errorText } from "./loaded";
import { Alert } from "./status";
import { acknowledgeIep, loadIepChanges } from "../fidelity/data";
import { dutyChangeLine } from "../fidelity/duty-change";

/**
 * IEP amendments that change what I must provide, on my home until I acknowledge each one. Its own
 * section, beside whatever else the home lists as waiting on me.
 */
export function IepChangeNotices() {
  const [notices, { mutate }] = createResource(loadIepChanges);
  const [failure, setFailure] = createSignal("");
  const [done, setDone] = createSignal("");
  const acknowledge = async (studentId: string, version: number, name: string) => {
    setFailure("");
    try {
      await acknowledgeIep(studentId, version);
      mutate((current) => current && { items: current.items.filter((n) => n.studentId !== studentId) });
      setDone(t("iepChangeAcknowledged", { name }));
    } catch (error) {
      setFailure(errorText(error));
    }
  };
  return (
    <>
      <Show when={(notices()?.items.length ?? 0) > 0}>
        <section class="notice" aria-labelledby="iep-changes-title">
          <h2 id="iep-changes-title">{t("iepChangesTitle", { count: notices()!.items.length })}</h2>
          <For each={notices()!.items}>
            {(notice) => (
              <article class="iep-change" aria-labelledby={`iep-change-${notice.studentId}`}>
                <h3 id={`iep-change-${notice.studentId}`}>
                  <A href={`/students/${notice.studentId}`}>{notice.studentName}</A>
                </h3>
                <p>{t("iepChangeIntro", { version: notice.version, date: formatDate(notice.effectiveFrom) })}</p>
                <ul>
                  <For each={notice.changes}>{(change) => <li>{dutyChangeLine(change)}</li>}</For>
                </ul>
                <button type="button" onClick={() => acknowledge(notice.studentId, notice.version, notice.studentName)}>
                  {t("iepChangeAck", { name: notice.studentName })}
                </button>
              </article>
            )}
          </For>
        </section>
      </Show>
      <Show when={failure()}>
        <Alert>{failure()}</Alert>
      </Show>
      <p role="status" class={done() ? "notice done" : undefined}>
        {done()}
      </p>
    </>
  );
}
