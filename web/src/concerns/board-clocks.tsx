import { A } from "../router";
import { For, Show } from "solid-js";
import { t } from "../i18n";
import "../strings/rights";
import { formatDate } from "../format";

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
