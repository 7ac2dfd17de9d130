import { createResource, createSignal, For, Show } from "solid-js";
import { api, call } from "../api";
import { t } from "../i18n";
import "../strings/rights";
import { formatDate, formatDayInZone } from "../format";
import { errorText } from "../components/loaded";
import { Alert } from "../components/status";
import { ClockLine } from "../concerns/clock-line";

const listRaw = (studentId: string) => api.students[":id"]["records-requests"].$get({ param: { id: studentId } });

/**
 * The student's records requests (34 CFR 300.613): the family asks and, once released, downloads the
 * zip; the director or the case manager releases. Each request shows its 45-day clock in words.
 */
export function RecordsRequests(props: { studentId: string; canRequest: boolean; canRelease: boolean; timeZone: string }) {
  const [list, { refetch }] = createResource(
    () => props.studentId,
    (id) => call(listRaw(id)),
  );
  const [failure, setFailure] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const today = () => new Date().toISOString().slice(0, 10);
  const run = async (request: () => Promise<unknown>) => {
    if (busy()) return;
    setFailure("");
    setBusy(true);
    try {
      await request();
      await refetch();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const ask = () => run(() => call(api.students[":id"]["records-requests"].$post({ param: { id: props.studentId } })));
  const release = (requestId: string, version: number) =>
    run(() => call(api.students[":id"]["records-requests"][":requestId"].release.$post({ param: { id: props.studentId, requestId }, json: { version } })));
  return (
    <section aria-labelledby="records-title">
      <h2 id="records-title">{t("recordsTitle")}</h2>
      <Show when={props.canRequest}>
        <p>{t("recordsIntro")}</p>
      </Show>
      <Show when={list()}>
        {(loaded) => (
          <Show when={loaded().items.length > 0} fallback={<p class="empty">{t("recordsNone")}</p>}>
            <ul class="clock-list">
              <For each={loaded().items}>
                {(request) => (
                  <li class="records-request">
                    <p>{t("recordsAsked", { date: formatDate(request.requestedOn), name: request.requestedBy })}</p>
                    <Show when={request.status === "open"}>
                      <ul class="clock-list">
                        <ClockLine clock={request.clock} today={today()} />
                      </ul>
                      <p>{t("recordsWaiting")}</p>
                      <Show when={props.canRelease}>
                        <button type="button" disabled={busy()} onClick={() => release(request.id, request.version)}>
                          {t("recordsRelease")}
                        </button>
                      </Show>
                    </Show>
                    <Show when={request.status === "released" && request.releasedAt}>
                      <p>{t("recordsReleased", { date: formatDayInZone(request.releasedAt!, props.timeZone), name: request.releasedBy?.name ?? "" })}</p>
                      <Show when={props.canRequest}>
                        <a class="button-link" href={`/api/students/${props.studentId}/records-requests/${request.id}/bundle`} download="">
                          {t("recordsDownload")}
                        </a>
                      </Show>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={failure()}>
        <Alert>{failure()}</Alert>
      </Show>
      <Show when={props.canRequest && !list()?.items.some((r) => r.status === "open")}>
        <button type="button" disabled={busy()} onClick={ask}>
          {t("recordsAsk")}
        </button>
      </Show>
    </section>
  );
}
