import { For, Show } from "solid-js";
import { A } from "../router";
import { t } from "../i18n";
import "../strings/compensatory";
import { formatDate } from "../format";

export interface OverdueMakeUp {
  planId: string;
  studentId: string;
  studentName: string;
  serviceName: string;
  provider: string;
  dueOn: string;
  minutes: number;
  remaining: number;
}

/** The director's board: make-up plans past their due date with minutes left, oldest due first. */
export function BoardMakeUp(props: { plans: OverdueMakeUp[] | undefined }) {
  return (
    <section aria-labelledby="board-make-up-title">
      <h2 id="board-make-up-title">{t("boardMakeUpTitle")}</h2>
      <Show when={(props.plans ?? []).length > 0} fallback={<p class="empty">{t("boardMakeUpNone")}</p>}>
        <ul class="clock-list" id="board-make-up">
          <For each={props.plans}>
            {(p) => (
              <li>
                <A href={`/students/${p.studentId}`}>
                  {t("boardMakeUpLine", {
                    student: p.studentName,
                    service: p.serviceName,
                    date: formatDate(p.dueOn),
                    remaining: p.remaining,
                    minutes: p.minutes,
                    provider: p.provider,
                  })}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
