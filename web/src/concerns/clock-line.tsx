import { lang, t } from "../i18n";
import { formatDate } from "../format";
// The clock's words come with the area of the page that shows it: `rights` (a student's records) or `concern-page`.
import type { ConcernView } from "./data";

type Clock = ConcernView["clocks"][number];

/** One clock in plain words, the rule behind it (with its citation) a click away. */
export function ClockLine(props: { clock: Clock; today: string }) {
  const ended = () => props.clock.kind === "state_complaint_window" && props.clock.endsOn < props.today;
  const words = () =>
    t(ended() ? "clock.state_complaint_window.ended" : (`clock.${props.clock.kind}` as "clock.records_request"), {
      date: formatDate(props.clock.endsOn),
      start: formatDate(props.clock.startsOn),
    });
  return (
    <li class="clock" data-clock={props.clock.kind}>
      <p class="clock-words">{words()}</p>
      <details>
        <summary>{t("clocksWhy")}</summary>
        <p class="muted">{props.clock.basis[lang()]}</p>
      </details>
    </li>
  );
}
