import { createSignal, lazy, Show, Suspense, For } from "solid-js";
import { localDate } from "@fidelio/core/calendar/zoned";
import { t } from "../i18n";
import "../strings/concern-page";
import type { ConcernView } from "./data";
import { ClockLine } from "./clock-line";

// Loaded when opened: few visits to a concern prepare or record a state complaint.
const StateComplaint = lazy(() => import("./complaint").then((m) => ({ default: m.StateComplaint })));

interface Props {
  concern: ConcernView;
  timeZone: string;
  onDone: (concern: ConcernView) => void;
  onStale: () => void;
}

/**
 * The concern's legal clocks, and for the family (or its advocate) a closed disclosure that opens the
 * state complaint's forms: the printable complaint, and recording the day one was filed.
 */
export function ConcernClocks(props: Props) {
  const today = () => localDate(new Date(), props.timeZone);
  const [open, setOpen] = createSignal(false);
  return (
    <section aria-labelledby="clocks-title" class="clocks">
      <h2 id="clocks-title">{t("clocksTitle")}</h2>
      <ul class="clock-list">
        <For each={props.concern.clocks}>{(clock) => <ClockLine clock={clock} today={today()} />}</For>
      </ul>
      <Show when={props.concern.can.recordStateComplaint}>
        <details class="action-more" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t("complaintOpenTitle")}</summary>
          <Show when={open()}>
            <Suspense>
              <StateComplaint concern={props.concern} timeZone={props.timeZone} onDone={props.onDone} onStale={props.onStale} today={today()} />
            </Suspense>
          </Show>
        </details>
      </Show>
    </section>
  );
}
